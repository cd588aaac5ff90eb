package org.nnlab.labs.pretraining;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PretrainingProperties.class)
class PretrainingConfiguration {
}
