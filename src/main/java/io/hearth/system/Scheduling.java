package io.hearth.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work (audit recovery, notice delivery, sweeps) runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
