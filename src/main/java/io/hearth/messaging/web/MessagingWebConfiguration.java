package io.hearth.messaging.web;

import io.hearth.messaging.internal.MessagingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MessagingWebConfiguration {

    /** Just before Spring Security, so the CSRF check sees the token of a streamed message form. */
    @Bean
    FilterRegistrationBean<MultipartCsrfFilter> multipartCsrfFilter(MessagingProperties settings) {
        var registration = new FilterRegistrationBean<>(new MultipartCsrfFilter(settings));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/my/messages", "/my/messages/*", "/staff/messages/*");
        return registration;
    }
}
