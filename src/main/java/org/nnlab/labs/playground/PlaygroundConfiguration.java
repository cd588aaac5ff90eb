package org.nnlab.labs.playground;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link PlaygroundProperties}. */
@Configuration
@EnableConfigurationProperties(PlaygroundProperties.class)
class PlaygroundConfiguration {
}
