package io.hearth.fhir.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * FHIR import settings.
 *
 * @param maxBundleSize the largest bundle the HTTP endpoint accepts (413 above it); the command line has no limit
 * @param validate whether the HTTP endpoint validates each bundle against the FHIR R4 definitions before storing it
 *     (422 naming the entry); the command line validates only with {@code --validate}
 */
@ConfigurationProperties("hearth.fhir")
public record FhirProperties(@DefaultValue("32MB") DataSize maxBundleSize, @DefaultValue("true") boolean validate) {
}
