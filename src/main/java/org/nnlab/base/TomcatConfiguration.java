package org.nnlab.base;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Puts {@link BadRequestPageValve} in place of the error report valve Spring Boot gives Tomcat's host,
 * so that a request Tomcat refuses before the application sees it still gets a readable page.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> badRequestPage(
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        return new Customizer(maxHeaderSize.toBytes());
    }

    /** Runs after Spring Boot's own Tomcat customizer (order 0), whose error valve it replaces. */
    private record Customizer(long maxHeaderBytes) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(BadRequestPageValve.class.getName());
                    pipeline.addValve(new BadRequestPageValve(maxHeaderBytes));
                }
            });
        }

        @Override
        public int getOrder() {
            return 10;
        }
    }
}
