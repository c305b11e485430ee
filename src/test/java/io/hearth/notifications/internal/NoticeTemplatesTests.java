package io.hearth.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every kind of notice renders from the same three values, and only from them. */
class NoticeTemplatesTests {

    static final String LINK = "https://portal.test/messages/7f3c";

    final NoticeRenderer renderer = new NoticeRenderer(messages(),
            new HearthProperties(Path.of("target"), URI.create("https://portal.test"), "Harbor Family Practice",
                    new HearthProperties.Http(-1), ZoneId.of("America/New_York")));

    @Test
    void everyTypeSeesOnlyFirstNamePracticeNameAndLink() {
        NoticeRenderer.Model model = renderer.model("Rosa", LINK);

        assertThat(NoticeRenderer.Model.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactlyInAnyOrder("firstName", "practiceName", "link");
        assertThat(renderer.context(model).getVariableNames()).containsExactlyInAnyOrderElementsOf(NoticeRenderer.MODEL_NAMES);
        assertThat(renderer.context(model).getVariable("firstName")).isEqualTo("Rosa");
        assertThat(renderer.context(model).getVariable("practiceName")).isEqualTo("Harbor Family Practice");
        assertThat(renderer.context(model).getVariable("link")).isEqualTo(LINK);

        for (NoticeType type : NoticeType.values()) {
            NoticeRenderer.Rendered rendered = renderer.render(type, model);
            assertThat(rendered.subject()).as(type + " subject").isNotBlank().doesNotContain("??").doesNotContain("Rosa")
                    .doesNotContain("\n").doesNotContain("\r");
            assertThat(rendered.text()).as(type + " text").startsWith("Hello Rosa,").contains(LINK, "Harbor Family Practice")
                    .doesNotContain("??").doesNotContain("[(").doesNotContain("#{");
            assertThat(rendered.html()).as(type + " html").contains("Hello Rosa,", "href=\"" + LINK + "\"", "Harbor Family Practice")
                    .doesNotContain("??").doesNotContain("th:").doesNotContain("<script").doesNotContain("style=");
        }
    }

    @Test
    void withoutAFirstNameTheGreetingIsPlainAndWithoutALinkTheEmailPointsAtSignIn() {
        NoticeRenderer.Rendered rendered = renderer.render(NoticeType.PRACTICE_ANNOUNCEMENT, renderer.model(null, null));

        assertThat(rendered.text()).startsWith("Hello,").contains("https://portal.test/signin");
        assertThat(rendered.html()).contains("href=\"https://portal.test/signin\"");
    }

    @Test
    void theHtmlVersionEscapesTheFirstName() {
        NoticeRenderer.Rendered rendered = renderer.render(NoticeType.NEW_MESSAGE, renderer.model("<b>Rosa</b>", LINK));

        assertThat(rendered.html()).contains("&lt;b&gt;Rosa&lt;/b&gt;").doesNotContain("<b>Rosa");
    }

    @Test
    void subjectsAreFixedPerType() {
        NoticeRenderer.Model rosa = renderer.model("Rosa", LINK);
        NoticeRenderer.Model eve = renderer.model("Eve", "https://portal.test/other");
        for (NoticeType type : NoticeType.values()) {
            assertThat(renderer.render(type, rosa).subject()).isEqualTo(renderer.render(type, eve).subject());
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
