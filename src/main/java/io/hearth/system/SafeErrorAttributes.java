package io.hearth.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages and JSON error bodies carry the status, the path and the request id, and never an exception class,
 * a message, a stack trace or validation details that might echo what the user typed.
 */
@Component
class SafeErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.PATH, ErrorAttributeOptions.Include.STATUS, ErrorAttributeOptions.Include.ERROR));
        attributes.keySet().retainAll(java.util.Set.of("timestamp", "status", "error", "path"));
        if (webRequest instanceof ServletWebRequest servletRequest) {
            attributes.put("requestId", RequestIds.of(servletRequest.getRequest()));
        } else {
            Object id = webRequest.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            attributes.put("requestId", id == null ? "" : id.toString());
        }
        return attributes;
    }
}
