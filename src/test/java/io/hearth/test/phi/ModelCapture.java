package io.hearth.test.phi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Test profile only, for the benchmarks: the view name and model of the last page drawn at each path, so that a
 * benchmark can time the template alone with the model a real request produced.
 */
@Component
@Profile("phi-driver")
public class ModelCapture implements HandlerInterceptor, WebMvcConfigurer {

    public record Page(String view, Map<String, Object> model) {
    }

    private final Map<String, Page> last = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        RequestCpuMeter.stamp(request, 1);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        RequestCpuMeter.stamp(request, 3);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        RequestCpuMeter.stamp(request, 2);
        if (page != null && page.getViewName() != null) {
            last.put(request.getRequestURI(), new Page(page.getViewName(), new HashMap<>(page.getModel())));
        }
    }

    public Page last(String path) {
        return last.get(path);
    }
}
