package org.nnlab.training;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code nnlab.training.*}. */
@Configuration
@EnableConfigurationProperties(TrainingProperties.class)
class TrainingConfiguration {
}
