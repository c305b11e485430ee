package io.hearth.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.FhirImport;
import io.hearth.fhir.internal.FhirProperties;
import io.hearth.records.ImportResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The EHR feed: {@code POST /admin/fhir} with a FHIR R4 transaction bundle ({@code application/fhir+json}), answered
 * with an OperationOutcome. Administrators only (the {@code /admin/**} rule), with a signed-in session and its CSRF
 * token in the {@code X-CSRF-TOKEN} header, like every state change in Hearth; a machine credential for the EHR (OAuth
 * client credentials / SMART backend services) is left for the FHIR API issue. Errors never carry a stack trace or a
 * value from the bundle.
 */
@RestController
class BundleEndpoint {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirImport fhirImport;
    private final FhirContext fhir;
    private final FhirProperties properties;

    BundleEndpoint(FhirImport fhirImport, FhirContext fhir, FhirProperties properties) {
        this.fhirImport = fhirImport;
        this.fhir = fhir;
        this.properties = properties;
    }

    @PostMapping(path = "/admin/fhir", consumes = { FHIR_JSON, MediaType.APPLICATION_JSON_VALUE }, produces = FHIR_JSON)
    ResponseEntity<String> importBundle(HttpServletRequest request, Authentication authentication) throws IOException {
        long max = fhirImport.maxBundleBytes();
        if (request.getContentLengthLong() > max) {
            return outcome(HttpStatus.PAYLOAD_TOO_LARGE, IssueSeverity.ERROR, IssueType.TOOCOSTLY, "Bundle",
                    "The bundle is larger than the limit of " + limit() + ".");
        }
        String version = MediaType.parseMediaType(request.getContentType()).getParameter("fhirVersion");
        if (version != null && !version.startsWith("4.0")) {
            return outcome(HttpStatus.BAD_REQUEST, IssueSeverity.ERROR, IssueType.NOTSUPPORTED, "Bundle",
                    "Only FHIR R4 (fhirVersion=4.0) is accepted.");
        }
        try {
            ImportResult result = fhirImport.importBundle(request.getInputStream(), "HTTP endpoint, sent by " + authentication.getName(), max,
                    properties.validate());
            return outcome(HttpStatus.OK, IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, "Bundle", "Imported " + result.total()
                    + " resources. Created " + result.created() + "; updated " + result.updated() + "; unchanged " + result.unchanged()
                    + "; not stored (types the record does not keep) " + result.notStored() + ".");
        } catch (BundleRejectedException rejected) {
            return switch (rejected.problem()) {
                case TOO_LARGE -> outcome(HttpStatus.PAYLOAD_TOO_LARGE, IssueSeverity.ERROR, IssueType.TOOCOSTLY, rejected.location(),
                        "The bundle is larger than the limit of " + limit() + " (" + rejected.getMessage() + ").");
                case TOO_LARGE_FOR_HEAP -> outcome(HttpStatus.PAYLOAD_TOO_LARGE, IssueSeverity.ERROR, IssueType.TOOCOSTLY,
                        rejected.location(), rejected.getMessage() + ". Nothing was stored.");
                case MALFORMED, WRONG_VERSION -> outcome(HttpStatus.BAD_REQUEST, IssueSeverity.ERROR,
                        rejected.problem() == BundleRejectedException.Problem.WRONG_VERSION ? IssueType.NOTSUPPORTED : IssueType.STRUCTURE,
                        rejected.location(), rejected.getMessage() + ". Nothing was stored.");
                case INVALID_ENTRY -> outcome(HttpStatus.UNPROCESSABLE_CONTENT, IssueSeverity.ERROR, IssueType.PROCESSING,
                        rejected.location(), rejected.getMessage() + ". Nothing was stored.");
                case CONFLICT -> outcome(HttpStatus.CONFLICT, IssueSeverity.ERROR, IssueType.CONFLICT, rejected.location(),
                        rejected.getMessage() + ". Nothing was stored.");
                case BUSY -> retryLater(outcome(HttpStatus.SERVICE_UNAVAILABLE, IssueSeverity.ERROR, IssueType.TRANSIENT,
                        rejected.location(), rejected.getMessage() + ". Nothing was stored."));
            };
        }
    }

    private static ResponseEntity<String> retryLater(ResponseEntity<String> outcome) {
        return ResponseEntity.status(outcome.getStatusCode()).headers(outcome.getHeaders()).header("Retry-After", "60").body(outcome.getBody());
    }

    private String limit() {
        long bytes = fhirImport.maxBundleBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private ResponseEntity<String> outcome(HttpStatus status, IssueSeverity severity, IssueType type, String location, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text).addExpression(location);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(fhir.newJsonParser().encodeResourceToString(outcome));
    }
}
