package io.hearth.system.web;

import io.hearth.system.HearthProperties;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page. */
@ControllerAdvice
class LayoutModel {

    private final HearthProperties properties;
    private final Duration idleTimeout;

    LayoutModel(HearthProperties properties, @Value("${server.servlet.session.timeout:15m}") Duration idleTimeout) {
        this.properties = properties;
        this.idleTimeout = idleTimeout;
    }

    /** Seconds of inactivity after which the server ends a session; the page warns a minute before. */
    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds() {
        return idleTimeout.toSeconds();
    }

    @ModelAttribute("practiceName")
    String practiceName() {
        return properties.practiceName();
    }
}
