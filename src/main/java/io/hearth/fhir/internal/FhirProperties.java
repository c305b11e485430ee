package io.hearth.fhir.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * FHIR import settings.
 *
 * @param maxBundleSize the largest bundle the HTTP endpoint accepts (413 above it); the command line has no limit
 */
@ConfigurationProperties("hearth.fhir")
public record FhirProperties(@DefaultValue("32MB") DataSize maxBundleSize) {
}
