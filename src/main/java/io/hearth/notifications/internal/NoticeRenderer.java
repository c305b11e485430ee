package io.hearth.notifications.internal;

import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notice from {@code templates/notifications/<type>.txt} and {@code .html} with its own template engine
 * (the web's engine is left alone). The templates see exactly three values, {@link Model}: the first name, the
 * practice name and the link. Nothing else can reach an email, so no health information can either; the subject
 * is fixed per type ({@code notice.<TYPE>.subject} in messages.properties, with the practice name).
 */
@Component
class NoticeRenderer {

    static final Locale LOCALE = Locale.ENGLISH;
    static final Set<String> MODEL_NAMES = Set.of("firstName", "practiceName", "link");

    /** Everything a notice template may show. */
    record Model(String firstName, String practiceName, String link) {
    }

    record Rendered(String subject, String text, String html) {
        @Override
        public String toString() {
            return "Rendered[...]";
        }
    }

    private final SpringTemplateEngine engine;
    private final MessageSource messages;
    private final HearthProperties hearth;

    NoticeRenderer(MessageSource messages, HearthProperties hearth) {
        this.messages = messages;
        this.hearth = hearth;
        this.engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notifications/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The model of one notice; without a link, the email points at the sign-in page. */
    Model model(String firstName, String link) {
        return new Model(firstName, hearth.practiceName(), link != null ? link : signInPage());
    }

    /** The only variables a template is given. */
    Context context(Model model) {
        Context context = new Context(LOCALE);
        context.setVariable("firstName", model.firstName());
        context.setVariable("practiceName", model.practiceName());
        context.setVariable("link", model.link());
        return context;
    }

    Rendered render(NoticeType type, Model model) {
        String subject = messages.getMessage("notice." + type.name() + ".subject", new Object[] { model.practiceName() }, LOCALE);
        String name = templateName(type);
        return new Rendered(subject, engine.process(name + ".txt", context(model)), engine.process(name + ".html", context(model)));
    }

    /** ACCOUNT_LOCKED is rendered from account-locked.txt and account-locked.html. */
    static String templateName(NoticeType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String signInPage() {
        return hearth.baseUrl().toString().replaceAll("/+$", "") + "/signin";
    }
}
