package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key a refusal is thrown with has its text in messages.properties (a missing one would turn a refusal
 * into a 500), and no refusal of these kinds is thrown with an English sentence instead of a key.
 */
class RefusalKeysTests {

    static final Pattern THROWN = Pattern.compile(
            "new (?:[\\w.]+\\.)?(?:AccountRejected|ActivationRefused|AlertRefused|EmergencyAccessRefused)Exception\\(\"([^\"]*)\"");

    @Test
    void everyRefusalKeyHasItsText() throws IOException {
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        List<String> thrown = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher found = THROWN.matcher(Files.readString(source));
                while (found.find()) {
                    thrown.add(found.group(1));
                }
            }
        }
        assertThat(thrown).as("refusals found in the sources").hasSizeGreaterThan(30);
        assertThat(thrown).allSatisfy(key -> {
            assertThat(key).as("a message key, not a sentence").matches("[a-z]+(\\.[a-zA-Z]+)+");
            assertThat(messages).as("text for %s", key).containsKey(key);
        });
    }
}
