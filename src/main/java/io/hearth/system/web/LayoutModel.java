package io.hearth.system.web;

import io.hearth.system.HearthProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page. */
@ControllerAdvice
class LayoutModel {

    private final HearthProperties properties;

    LayoutModel(HearthProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("practiceName")
    String practiceName() {
        return properties.practiceName();
    }
}
