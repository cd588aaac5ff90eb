package org.nnlab.builder;

import org.nnlab.engine.spec.SpecLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code nnlab.spec.*} and offers the limits to the pages that read specs. */
@Configuration
@EnableConfigurationProperties(SpecProperties.class)
class SpecConfiguration {
    @Bean
    SpecLimits specLimits(SpecProperties properties) {
        return properties.limits();
    }
}
