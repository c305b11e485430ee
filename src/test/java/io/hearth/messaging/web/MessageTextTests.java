package io.hearth.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.messaging.web.MessageText.Segment;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTests {

    static final URI PORTAL = URI.create("https://portal.test");

    @Test
    void onlyAddressesOfThePortalBecomeLinksAndTheRestStaysText() {
        List<Segment> segments = MessageText.segments("See https://portal.test/my/results.\nNot https://evil.test/x or "
                + "https://portal.test.evil.test/x or https://portal.test@evil.test/x", PORTAL);

        assertThat(segments).containsExactly(new Segment("See ", null), new Segment("https://portal.test/my/results", "https://portal.test/my/results"),
                new Segment(".\nNot https://evil.test/x or https://portal.test.evil.test/x or https://portal.test@evil.test/x", null));
    }

    @Test
    void textWithoutLinksIsOneSegmentWithItsLineBreaks() {
        assertThat(MessageText.segments("a\n<b>\nc", PORTAL)).containsExactly(new Segment("a\n<b>\nc", null));
    }

    @Test
    void aDownloadNameIsQuotedSafelyAndEncodedPerRfc5987() {
        assertThat(MessagePages.contentDisposition("Zoë \"x\";.pdf"))
                .isEqualTo("attachment; filename=\"Zo_ _x__.pdf\"; filename*=UTF-8''Zo%C3%AB%20%22x%22%3B.pdf");
        assertThat(MessagePages.contentDisposition("a\r\nSet-Cookie: x.pdf")).doesNotContain("\r", "\n");
    }
}
