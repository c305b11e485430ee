package io.hearth.announcements.web;

import io.hearth.announcements.Announcements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Current announcements go on patients' home page (which belongs to no feature, so this adds them to its model). */
@Configuration(proxyBeanMethods = false)
class AnnouncementsOnTheHomePage implements WebMvcConfigurer {

    private final Announcements announcements;

    AnnouncementsOnTheHomePage(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (view != null && authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_PATIENT".equals(authority.getAuthority()))) {
                    view.addObject("announcements", announcements.current());
                }
            }
        }).addPathPatterns("/");
    }
}
