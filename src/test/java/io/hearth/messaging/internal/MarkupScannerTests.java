package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.messaging.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupScannerTests {

    static final List<String> MARKUP = List.of("<script>", "<HTML ", "<svg/onload", "<iframe\tsrc", "<!DOCTYPE", "JavaScript:", "onerror=",
            "<body>");

    @Test
    void markupSplitAtAnyPointBetweenTwoPiecesIsFound() {
        for (String markup : MARKUP) {
            byte[] bytes = TestFiles.concat(TestFiles.pdfOfSize(100), TestFiles.ascii(markup), TestFiles.pdfOfSize(100));
            for (int split = 1; split < bytes.length; split++) {
                MarkupScanner scanner = new MarkupScanner();
                boolean found = scanner.scan(bytes, 0, split) | scanner.scan(bytes, split, bytes.length - split);
                assertThat(found).as("%s split at %d", markup, split).isTrue();
            }
        }
    }

    @Test
    void markupFedOneByteAtATimeIsFound() {
        for (String markup : MARKUP) {
            byte[] bytes = TestFiles.ascii("%PDF-1.4 x" + markup + "y");
            MarkupScanner scanner = new MarkupScanner();
            boolean found = false;
            for (int i = 0; i < bytes.length; i++) {
                found = scanner.scan(bytes, i, 1);
            }
            assertThat(found).as(markup).isTrue();
        }
    }

    @Test
    void neitherCaseNorNulBytesHideMarkup() {
        assertThat(in(TestFiles.ascii("x<ScRiPt>alert(1)"))).isTrue();
        assertThat(in("%PDF <html><body>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }

    @Test
    void aTagCountsOnlyWhereItsNameEndsAsInHtml() {
        for (String tag : List.of("<svg>", "<svg ", "<svg/", "<svg\n", "<svg\r", "<svg\t", "<svg\f")) {
            assertThat(in(TestFiles.ascii("ab" + tag + "cd"))).as(tag).isTrue();
        }
        for (String text : List.of("<svgz", "<bodyguard", "<formula", "<linked", "a<html")) {
            assertThat(in(TestFiles.ascii(text))).as(text).isFalse();
        }
    }

    @Test
    void realPhotosAndPdfsHoldNoMarkup() {
        for (long seed = 1; seed <= 10; seed++) {
            for (byte[] file : List.of(TestFiles.photoJpeg(seed), TestFiles.photoPng(seed), TestFiles.labLetterPdf(seed))) {
                assertThat(file.length).isGreaterThan(AttachmentTypes.HEAD_SIZE);
                assertThat(in(file)).as("seed %d, %d bytes starting %s", seed, file.length, Arrays.toString(Arrays.copyOf(file, 4))).isFalse();
            }
        }
        assertThat(in(TestFiles.PDF)).isFalse();
        assertThat(in(TestFiles.JPEG)).isFalse();
        assertThat(in(TestFiles.PNG)).isFalse();
    }

    private static boolean in(byte[] bytes) {
        return MarkupScanner.in(bytes, 0, bytes.length);
    }
}
