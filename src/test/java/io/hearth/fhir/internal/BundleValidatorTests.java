package io.hearth.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** What a validation failure tells the sender: the entry and the rule, never a value (the validator's own words quote them). */
class BundleValidatorTests {

    @Test
    void aMissingElementNamesTheEntryTheElementAndTheRule() {
        Bundle bundle = new Bundle();
        bundle.addEntry().setFullUrl("urn:uuid:11111111-1111-1111-1111-111111111111").setResource(new Patient());
        bundle.addEntry().setFullUrl("urn:uuid:22222222-2222-2222-2222-222222222222").setResource(new Observation());

        var rejected = BundleValidator.rejection(bundle, message("Validation_VAL_Profile_Minimum", "Bundle.entry[1].resource/*Observation/null*/",
                "Observation.status: minimum required = 1, but only found 0 (from http://hl7.org/fhir/StructureDefinition/Observation|4.0.1)"));

        assertThat(rejected.location()).isEqualTo("Bundle.entry[1]");
        assertThat(rejected.getMessage()).contains("entry 1 (urn:uuid:22222222-2222-2222-2222-222222222222) is not valid FHIR R4",
                "Observation.status: minimum required = 1, but only found 0", "at Bundle.entry[1].resource").doesNotContain("/*", "from http");
    }

    @Test
    void messagesThatQuoteValuesGiveOnlyTheirRule() {
        assertThat(BundleValidator.reason(message("Type_Specific_Checks_DT_String_WS", "Bundle.entry[0].resource.name[0].family",
                "value should not start or finish with whitespace ' Åström'"))).isEqualTo("the validator's rule Type_Specific_Checks_DT_String_WS");
        assertThat(BundleValidator.reason(message("Validation_VAL_Profile_WrongType", "x",
                "Wrong type 'Zoë' (value \"Zoë\")"))).doesNotContain("Zoë");
    }

    @Test
    void aFailedInvariantIsNamedWithTheRuleInTheSpecificationsWords() {
        String reason = BundleValidator.reason(message("http://hl7.org/fhir/StructureDefinition/Bundle#bdl-3", "Bundle",
                "Constraint failed: bdl-3: 'entry.request mandatory for batch/transaction/history, otherwise prohibited' (defined in http://hl7.org/fhir/StructureDefinition/Bundle)"));

        assertThat(reason).isEqualTo("constraint bdl-3 failed: entry.request mandatory for batch/transaction/history, otherwise prohibited");
    }

    private static SingleValidationMessage message(String id, String location, String text) {
        SingleValidationMessage message = new SingleValidationMessage();
        message.setMessageId(id);
        message.setLocationString(location);
        message.setMessage(text);
        message.setSeverity(ResultSeverityEnum.ERROR);
        return message;
    }
}
