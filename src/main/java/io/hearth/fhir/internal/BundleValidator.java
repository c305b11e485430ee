package io.hearth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.BundleRejectedException.Problem;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Validates a whole bundle against the base FHIR R4 definitions with HAPI's {@code FhirInstanceValidator}: cardinality
 * (an Observation without status or code), element types, and the specification's invariants (a transaction's entries
 * need a request). The strict parser already refused unknown elements, wrong JSON types and invalid codes of required
 * bindings. Not checked: terminology (no terminology server; codes are the EHR's) and the profiles a bundle names in
 * {@code meta.profile} (US Core is not shipped; they are removed before validating, which also halves the time, and
 * are not kept anyway). Any error refuses the bundle, naming the first entry in error.
 *
 * <p>Costly: the validator loads the R4 definitions on first use (about 20 s on a busy two-core machine), then
 * validates some 100 to 200 resources a second, ten times slower than the rest of an import; so the HTTP endpoint
 * (single bundles from the EHR) always validates, and the command line only when asked ({@code import --validate}).
 *
 * <p>The validator's messages quote values from the bundle (PHI), so only the message of a known kind that names
 * elements and rules is passed on, with anything in quotes or parentheses left out; other kinds give their id only.
 */
class BundleValidator {

    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");
    /** Messages that name elements and rules, never values (besides quoted and parenthesised parts, removed anyway). */
    private static final Set<String> DESCRIBED = Set.of("Validation_VAL_Profile_Minimum", "Validation_VAL_Profile_Maximum",
            "Validation_VAL_Profile_NoType", "Validation_VAL_Profile_WrongType", "Validation_VAL_Profile_NotAllowed",
            "Extension_EXT_Type", "Reference_REF_WrongTarget", "Reference_REF_BadTargetType", "Type_Specific_Checks_DT_Primitive_NotEmpty");

    private final FhirContext fhir;
    private volatile FhirValidator validator;

    BundleValidator(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** @throws BundleRejectedException (invalid entry) naming the first entry in error and why, never a value */
    void check(Bundle bundle) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() != null) {
                entry.getResource().getMeta().getProfile().clear();
            }
        }
        for (SingleValidationMessage message : validator().validateWithResult(bundle).getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
                throw rejection(bundle, message);
            }
        }
    }

    static BundleRejectedException rejection(Bundle bundle, SingleValidationMessage message) {
        String path = COMMENT.matcher(String.valueOf(message.getLocationString())).replaceAll("");
        Matcher entry = ENTRY.matcher(path);
        String location = "Bundle";
        String label = "the bundle";
        if (entry.find()) {
            int index = Integer.parseInt(entry.group(1));
            location = "Bundle.entry[" + index + "]";
            label = index < bundle.getEntry().size() ? BundleMapper.label(index, bundle.getEntry().get(index)) : "entry " + index;
        }
        return new BundleRejectedException(Problem.INVALID_ENTRY, location, label + " is not valid FHIR R4: " + reason(message)
                + " (at " + path + ")");
    }

    /** What was wrong, without any value from the bundle. */
    static String reason(SingleValidationMessage message) {
        String id = String.valueOf(message.getMessageId());
        boolean invariant = id.startsWith("http://hl7.org/fhir/StructureDefinition/") && id.contains("#");
        if (!DESCRIBED.contains(id) && !invariant) {
            return "the validator's rule " + id;
        }
        if (invariant) {
            // "Constraint failed: bdl-3: 'the rule in words, from the specification' (defined in ...)": no value in it
            Matcher rule = Pattern.compile(": '([^']*)'").matcher(String.valueOf(message.getMessage()));
            return "constraint " + id.substring(id.indexOf('#') + 1) + " failed" + (rule.find() ? ": " + clip(rule.group(1)) : "");
        }
        return clip(String.valueOf(message.getMessage()).replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("\\([^()]*\\)", "").replaceAll("\\s+", " ").strip());
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Made on first use: loading the R4 definitions takes seconds and memory that imports without validation never need. */
    private FhirValidator validator() {
        FhirValidator current = validator;
        if (current == null) {
            synchronized (this) {
                current = validator;
                if (current == null) {
                    FhirInstanceValidator module = new FhirInstanceValidator(new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                            new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                            new SnapshotGeneratingValidationSupport(fhir)));
                    module.setNoTerminologyChecks(true);
                    module.setAnyExtensionsAllowed(true);
                    module.setErrorForUnknownProfiles(false);
                    module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
                    current = fhir.newValidator().registerValidatorModule(module);
                    validator = current;
                }
            }
        }
        return current;
    }
}
