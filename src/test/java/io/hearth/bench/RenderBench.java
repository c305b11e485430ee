package io.hearth.bench;

import io.hearth.test.phi.ModelCapture;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/** The template alone: a page drawn again and again from the model a real request produced, on one thread. */
final class RenderBench {

    private RenderBench() {
    }

    static void run(ConfigurableApplicationContext portal, String path) throws Exception {
        ModelCapture.Page page = portal.getBean(ModelCapture.class).last(path);
        View view = portal.getBean("thymeleafViewResolver", ViewResolver.class).resolveViewName(page.view(), Locale.ENGLISH);
        MockHttpServletRequest request = new MockHttpServletRequest(((WebApplicationContext) portal).getServletContext(), "GET", path);
        int size = 0;
        for (int i = 0; i < 3000; i++) { // warm-up
            size = render(view, page, request);
        }
        int rounds = 2000;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            render(view, page, request);
        }
        System.out.printf("template alone (%s, %,d characters): %.3f ms a page on one thread%n", page.view(), size,
                (System.nanoTime() - started) / 1e6 / rounds);
    }

    private static int render(View view, ModelCapture.Page page, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.render(page.model(), request, response);
        return response.getContentAsString().length();
    }
}
