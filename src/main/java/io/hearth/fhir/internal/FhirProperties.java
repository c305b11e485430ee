package io.hearth.fhir.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * FHIR import settings.
 *
 * @param maxBundleSize the largest bundle (its JSON, after gzip) the HTTP endpoint (413 above it) and the {@code import}
 *     command accept; the command's {@code --max-bundle-size} raises it for a known large file. Either way no larger
 *     bundle is read than the heap can hold ({@link ImportBudget})
 * @param validate whether the HTTP endpoint validates each bundle against the FHIR R4 definitions before storing it
 *     (422 naming the entry); the command line validates only with {@code --validate}
 * @param concurrentImports how many bundles one node imports at the same time; others wait up to a minute (then 503)
 */
@ConfigurationProperties("hearth.fhir")
public record FhirProperties(@DefaultValue("32MB") DataSize maxBundleSize, @DefaultValue("true") boolean validate,
        @DefaultValue("1") int concurrentImports) {

    public FhirProperties {
        if (concurrentImports < 1) {
            throw new IllegalArgumentException("hearth.fhir.concurrent-imports must be at least 1");
        }
    }
}
