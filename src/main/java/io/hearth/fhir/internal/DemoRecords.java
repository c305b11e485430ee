package io.hearth.fhir.internal;

import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.records.CareTeams;
import io.hearth.patients.PatientActivation;
import io.hearth.records.HealthRecords;
import io.hearth.records.PatientIdentities;
import io.hearth.records.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: on the first start, the synthetic patients shipped in {@code demo/fhir} are imported, the demo
 * patient account is linked to one of them and the demo provider to that patient's practitioner. Runs once the
 * application is ready, so after the demo accounts exist; later starts find the link and do nothing.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class DemoRecords {

    static final String BUNDLES = "classpath:demo/fhir/*.json.gz";
    static final String DEMO_PATIENT_BUNDLE = "Cedric746";
    private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);

    private final FhirImport fhirImport;
    private final HealthRecords records;
    private final CareTeams careTeams;
    private final Accounts accounts;

    private final PatientActivation activation;
    private final PatientIdentities identities;

    DemoRecords(FhirImport fhirImport, HealthRecords records, CareTeams careTeams, Accounts accounts, PatientActivation activation,
            PatientIdentities identities) {
        this.activation = activation;
        this.identities = identities;
        this.fhirImport = fhirImport;
        this.records = records;
        this.careTeams = careTeams;
        this.accounts = accounts;
    }

    /**
     * So a person can try opening an account: an activation code for another demo patient, with the date of birth the
     * sign-up asks for. Synthetic data in demo mode only; real activation codes and dates are never logged.
     */
    private void offerSignUp(List<UUID> patients) {
        patients.stream().findFirst().ifPresent(patient -> identities.of(patient).ifPresent(identity -> log.info(
                "Demo mode: try opening a patient account at /signup with activation code {} and date of birth {} (a synthetic patient)",
                activation.issueCode(patient), identity.birthDate())));
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100) // before the demo schedule
    void importOnFirstStart() throws IOException {
        if (!accounts.exists("demo.patient") || accounts.patientOf("demo.patient").filter(records::hasPatient).isPresent()) {
            return;
        }
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
        Arrays.sort(bundles, Comparator.comparing(bundle -> Objects.toString(bundle.getFilename())));
        UUID demoPatient = null;
        List<UUID> others = new ArrayList<>();
        int resources = 0;
        for (Resource bundle : bundles) {
            try (InputStream in = bundle.getInputStream()) {
                ImportResult result = fhirImport.importBundle(in, "demo data, first start");
                resources += result.total();
                if (Objects.toString(bundle.getFilename()).startsWith(DEMO_PATIENT_BUNDLE)) {
                    demoPatient = result.patients().iterator().next();
                } else {
                    others.addAll(result.patients());
                }
            }
        }
        fhirImport.refreshStatistics();
        if (demoPatient == null) {
            log.warn("Demo mode: the demo patient's bundle is missing from {}", BUNDLES);
            return;
        }
        accounts.linkPatient("demo.patient", demoPatient);
        Optional<CareTeams.CareTeamMember> practitioner = careTeams.careTeamOf(demoPatient).stream().findFirst();
        if (accounts.exists("demo.provider")) {
            practitioner.ifPresent(member -> accounts.linkPractitioner("demo.provider", member.practitionerId()));
        }
        log.info("Demo mode: imported {} synthetic (Synthea) resources from {} bundles; demo.patient sees one of these patients'"
                + " record, demo.provider is their practitioner and finds them under My patients (/staff/patients)", resources, bundles.length);
        offerSignUp(others);
    }
}
