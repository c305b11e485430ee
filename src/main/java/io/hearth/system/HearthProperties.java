package io.hearth.system;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the whole portal; each module keeps its own settings record beside its code.
 *
 * @param dataDir folder for the embedded database, the development certificate and key material
 * @param baseUrl the public https address; links in emails and redirects are built from it, never from the Host header
 * @param practiceName shown in the page header and in notices
 * @param http the plain-HTTP connector that only redirects
 * @param timeZone the practice's time zone: every time is shown in it, with the zone named
 */
@ConfigurationProperties("hearth")
public record HearthProperties(
        @DefaultValue("./data") Path dataDir,
        URI baseUrl,
        @DefaultValue("Hearth") String practiceName,
        @DefaultValue Http http,
        @DefaultValue("America/New_York") java.time.ZoneId timeZone) {

    /** Date and time as the pages show them: medium date, short time, in the reader's language and the practice's zone. */
    public java.time.format.DateTimeFormatter dateTimeFormat(java.util.Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(locale).withZone(timeZone);
    }

    /** @param redirectPort port of the plain-HTTP connector; -1 switches it off, 0 picks a free port */
    public record Http(@DefaultValue("8080") int redirectPort) {
    }
}
