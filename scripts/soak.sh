#!/usr/bin/env bash
# Soak: start the production jar (-Xmx1g) on a temporary data directory, run SoakBench against it for
# N minutes, stop the server. Builds nothing: it needs target/nnlab-*.jar (mvn -o package -DskipTests)
# and the compiled test classes (mvn -o test-compile). MNIST is linked from ~/.nnlab/datasets.
#
#   scripts/soak.sh [minutes=30] [classifiers=6] [trainers=30] [browsers=2] [page sessions a second=1]
#
# Prints SoakBench's summary; the samples (every 10 s) go to target/soak-<time>.csv, the server's log to
# target/soak-<time>-server.log.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${1:-30}
CLASSIFIERS=${2:-6}
TRAINERS=${3:-30}
BROWSERS=${4:-2}
PAGES=${5:-1}
PORT=${SOAK_PORT:-18089}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
STAMP=$(date -u +%Y%m%dT%H%M%S)
CSV="target/soak-$STAMP.csv"
LOG="target/soak-$STAMP-server.log"

JAR=$(ls target/nnlab-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
if [[ -z "$JAR" ]]; then
  echo "soak: no target/nnlab-*.jar; build it first: mvn -B -q -o package -DskipTests" >&2
  exit 1
fi
if [[ ! -f target/test-classes/org/nnlab/bench/SoakBench.class ]]; then
  echo "soak: SoakBench is not compiled; run: mvn -B -q -o test-compile" >&2
  exit 1
fi

DATA=$(mktemp -d /tmp/nnlab-soak.XXXXXX)
mkdir -p "$DATA/datasets"
if [[ -d "$HOME/.nnlab/datasets/mnist" ]]; then
  ln -s "$HOME/.nnlab/datasets/mnist" "$DATA/datasets/mnist"
else
  echo "soak: no MNIST in ~/.nnlab/datasets/mnist: training runs will not start" >&2
fi

SERVER=""
cleanup() {
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    for _ in $(seq 1 30); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER" 2>/dev/null && kill -9 "$SERVER"
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "soak: starting $JAR on port $PORT (data in $DATA, log in $LOG)"
NNLAB_DATA_DIR="$DATA" PORT="$PORT" "$JAVA" -Xmx1g --add-modules jdk.incubator.vector -jar "$JAR" >"$LOG" 2>&1 &
SERVER=$!

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "soak: the server stopped while starting; see $LOG" >&2
    exit 1
  fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "soak: no health after 120 s" >&2; exit 1; }

# The process that listens (the jar may relaunch itself as a child to add the Vector API module).
PID=$(ss -Hltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
PID=${PID:-$SERVER}
echo "soak: server up, pid $PID; running SoakBench for $MINUTES min"

# exec:java only runs the compiled classes with the test classpath; it compiles nothing.
JAVA_HOME="$JAVA_HOME" MAVEN_OPTS="--add-modules jdk.incubator.vector -Xmx2g" mvn -B -q -o exec:java \
  -Dexec.classpathScope=test -Dexec.mainClass=org.nnlab.bench.SoakBench \
  -Dexec.args="http://127.0.0.1:$PORT $MINUTES $PID $CSV $CLASSIFIERS $TRAINERS $BROWSERS $PAGES"

echo "soak: server log: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines, $(grep -c 'OutOfMemoryError' "$LOG" || true) OutOfMemoryError lines"
if kill -0 "$PID" 2>/dev/null; then
  echo "soak: the server is still up after the soak"
else
  echo "soak: THE SERVER HAS GONE; see $LOG" >&2
  exit 1
fi
