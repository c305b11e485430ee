package io.hearth.system.web;

import io.hearth.system.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one place a {@link Refusal} becomes text on a page: a controller puts the refusal itself in the model (as
 * {@code error}, say), and before the view renders it is replaced by its message in the request's language.
 */
@Configuration(proxyBeanMethods = false)
class RefusalTexts implements WebMvcConfigurer, HandlerInterceptor {

    private final MessageSource messages;

    RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null) {
            return;
        }
        for (Map.Entry<String, Object> attribute : view.getModel().entrySet()) {
            if (attribute.getValue() instanceof Refusal refusal) {
                attribute.setValue(messages.getMessage(refusal, RequestContextUtils.getLocale(request)));
            }
        }
    }
}
