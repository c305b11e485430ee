package io.hearth.patients.web;

import io.hearth.identity.Accounts;
import io.hearth.patients.EmailConsent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A patient who has not yet said whether they want email notices is asked on their home page (until they answer,
 * nothing but security notices is emailed to them). The home page belongs to no feature, so this adds the question
 * to its model rather than the home page asking each module.
 */
@Configuration(proxyBeanMethods = false)
class AskForEmailChoice implements WebMvcConfigurer {

    private final EmailConsent consent;
    private final Accounts accounts;

    AskForEmailChoice(EmailConsent consent, Accounts accounts) {
        this.consent = consent;
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                boolean patient = authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_PATIENT".equals(authority.getAuthority()));
                if (view != null && patient && accounts.idOf(authentication.getName())
                        .map(account -> consent.current(account).isEmpty()).orElse(false)) {
                    view.addObject("askEmailChoice", true);
                }
            }
        }).addPathPatterns("/");
    }
}
