# NN Lab: build the production jar, then run it on a small JRE image as a non-root user.
#   docker build -t nnlab .
#   docker run -p 8080:8080 -v nnlab-data:/data --ulimit nice=23 nnlab
# (--ulimit nice=23 lets the JVM raise classify requests to nice -3, see org.nnlab.digits.ClassifyPriority;
# without it they stay at nice 0. Training runs at nice 15 and the JIT compilers at nice 5 either way.
# ZGC: its pauses stay under a few ms where G1 paused requests 150-500 ms while a class's runs started.)

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
# Node.js 24 for the frontend build: Vaadin installs it under ~/.vaadin when none is found.
COPY pom.xml package.json package-lock.json tsconfig.json ./
COPY scripts scripts
COPY frontend frontend
COPY src src
RUN mvn -B -DskipTests package && cp target/nnlab-*.jar /src/nnlab.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data nnlab && mkdir -p /data && chown nnlab /data
COPY --from=build /src/nnlab.jar /app/nnlab.jar
USER nnlab
ENV NNLAB_DATA_DIR=/data \
    JDK_JAVA_OPTIONS="--add-modules=jdk.incubator.vector -XX:MaxRAMPercentage=75 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority4_To_OSPriority=15 -XX:CompilerThreadPriority=5 -XX:+UseZGC"
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/nnlab.jar"]
