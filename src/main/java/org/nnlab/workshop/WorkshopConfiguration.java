package org.nnlab.workshop;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Workshop settings, the sweep of expired rooms, and the room bus: within this server unless
 * {@code nnlab.workshop.events} names another implementation.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(WorkshopProperties.class)
class WorkshopConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "nnlab.workshop.events", havingValue = "local", matchIfMissing = true)
    LocalRoomEvents localRoomEvents() {
        return new LocalRoomEvents();
    }
}
