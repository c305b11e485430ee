package io.hearth.system;

import jakarta.servlet.ServletRequest;

/** The id of the current request, for modules that record it (the audit trail, error bodies). */
public final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }
}
