package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.messaging.TestFiles;
import io.hearth.messaging.internal.AttachmentTypes.Refusal;
import org.junit.jupiter.api.Test;

class AttachmentTypesTests {

    @Test
    void pdfJpegAndPngAreKnownByTheirBytesAndMatchingNames() {
        assertThat(check("letter.pdf", TestFiles.PDF).type()).isEqualTo(AttachmentType.PDF);
        assertThat(check("Photo.JPG", TestFiles.JPEG).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(check("rash.jpeg", TestFiles.JPEG).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(check("scan.png", TestFiles.PNG).type()).isEqualTo(AttachmentType.PNG);
    }

    @Test
    void htmlSvgAndExecutablesAreRefusedWhateverTheirName() {
        assertThat(check("page.pdf", TestFiles.HTML).refusal()).isEqualTo(Refusal.MARKUP);
        assertThat(check("image.png", TestFiles.SVG).refusal()).isEqualTo(Refusal.MARKUP);
        assertThat(check("setup.pdf", TestFiles.EXE).refusal()).isEqualTo(Refusal.TYPE);
        assertThat(check("notes.pdf", "just some text".getBytes()).refusal()).isEqualTo(Refusal.TYPE);
    }

    @Test
    void aPdfThatIsAlsoHtmlIsRefused() {
        assertThat(check("results.pdf", TestFiles.PDF_HTML_POLYGLOT).refusal()).isEqualTo(Refusal.MARKUP);
    }

    @Test
    void theExtensionMustAgreeWithTheBytes() {
        assertThat(check("scan.pdf", TestFiles.PNG).refusal()).isEqualTo(Refusal.MISMATCH);
        assertThat(check("letter", TestFiles.PDF).refusal()).isEqualTo(Refusal.MISMATCH);
        assertThat(check("letter.pdf.exe", TestFiles.PDF).refusal()).isEqualTo(Refusal.MISMATCH);
    }

    @Test
    void namesThatCouldBePathsOrHideCharactersAreRefused() {
        for (String name : new String[] { "../../etc/passwd.pdf", "..\\boot.pdf", "/etc/x.pdf", "a\0.pdf", "C:x.pdf", ".hidden.pdf",
                "line\nbreak.pdf", "right\u202Efdp.exe", "", "x".repeat(250) + ".pdf" }) {
            assertThat(check(name, TestFiles.PDF).refusal()).as(name).isEqualTo(Refusal.NAME);
        }
        assertThat(check("Zoë's lab (März).pdf", TestFiles.PDF).accepted()).isTrue();
    }

    private static AttachmentTypes.Verdict check(String name, byte[] bytes) {
        return AttachmentTypes.check(name, bytes, bytes.length);
    }
}
