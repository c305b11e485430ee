package io.hearth.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The background sender is scheduled. */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hearth.notifications.background", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {
    }
}
