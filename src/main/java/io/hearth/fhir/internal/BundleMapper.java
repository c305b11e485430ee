package io.hearth.fhir.internal;

import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.BundleRejectedException.Problem;
import io.hearth.records.DirectoryEntry;
import io.hearth.records.DirectoryKind;
import io.hearth.records.ImportBatch;
import io.hearth.records.RecordDetails;
import io.hearth.records.RecordEntry;
import io.hearth.records.RecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * One parsed bundle to an {@link ImportBatch}. A resource's identity (its source key) is its type and first
 * identifier, or its fullUrl when it has none; references inside the bundle (fullUrl or {@code Type/id}) point at
 * those keys, and conditional references ({@code Patient?identifier=system|value}) name them directly, so a bundle may
 * refer to what an earlier one stored. Directory references ({@code Practitioner?identifier=...}) are kept as the
 * identifier and resolved when read, so practitioner and organization bundles may come before or after.
 */
final class BundleMapper {

    private final Bundle bundle;
    private final String origin;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, Resource> resources = new HashMap<>();
    private final List<String> entryKeys = new ArrayList<>();
    private final List<DirectoryEntry> directory = new ArrayList<>();
    private final List<RecordEntry> entries = new ArrayList<>();
    private final Map<String, Integer> notStored = new TreeMap<>();

    private BundleMapper(Bundle bundle, String origin) {
        this.bundle = bundle;
        this.origin = origin;
    }

    static ImportBatch map(Bundle bundle, String origin) {
        return new BundleMapper(bundle, origin).map();
    }

    /** How errors name an entry: its index, and its fullUrl when that is a bundle-local urn (never a business id). */
    static String label(int index, BundleEntryComponent entry) {
        String url = entry.getFullUrl();
        if (url != null && (url.startsWith("urn:uuid:") || url.startsWith("urn:oid:"))) {
            return "entry " + index + " (" + url + ")";
        }
        return "entry " + index + (entry.getResource() == null ? "" : " (" + entry.getResource().fhirType() + ")");
    }

    private ImportBatch map() {
        List<BundleEntryComponent> all = bundle.getEntry();
        for (int i = 0; i < all.size(); i++) {
            BundleEntryComponent entry = all.get(i);
            Resource resource = entry.getResource();
            if (resource == null) {
                throw invalid(i, entry, "has no resource");
            }
            if (entry.hasRequest() && entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                throw invalid(i, entry, "DELETE is not accepted; send the resource with a status instead");
            }
            String key;
            try {
                key = identity(entry, resource);
            } catch (Invalid invalid) {
                throw invalid(i, entry, invalid.getMessage());
            }
            entryKeys.add(key);
            if (entry.hasFullUrl()) {
                keys.put(entry.getFullUrl(), key);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                keys.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), key);
            }
            resources.put(key, resource);
        }
        for (int i = 0; i < all.size(); i++) {
            BundleEntryComponent entry = all.get(i);
            try {
                mapEntry(label(i, entry), entryKeys.get(i), entry.getResource());
            } catch (Invalid invalid) {
                throw invalid(i, entry, invalid.getMessage());
            }
        }
        return new ImportBatch(origin, directory, entries, notStored);
    }

    private static BundleRejectedException invalid(int index, BundleEntryComponent entry, String reason) {
        return new BundleRejectedException(Problem.INVALID_ENTRY, "Bundle.entry[" + index + "]", label(index, entry) + " " + reason);
    }

    /** A problem in one entry; its message is the reason, never PHI. */
    private static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String identity(BundleEntryComponent entry, Resource resource) {
        Identifier identifier = firstIdentifier(resource);
        if (identifier != null) {
            return resource.fhirType() + "|" + identifier.getSystem() + "|" + identifier.getValue();
        }
        if (entry.hasFullUrl()) {
            return resource.fhirType() + "|" + entry.getFullUrl();
        }
        if (resource.getIdElement().hasIdPart()) {
            return resource.fhirType() + "|" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        }
        throw new Invalid("has no identifier, fullUrl or id, so a re-import could not find it");
    }

    private static Identifier firstIdentifier(Resource resource) {
        List<Identifier> identifiers = List.of();
        try {
            Object found = resource.getClass().getMethod("getIdentifier").invoke(resource);
            if (found instanceof List<?> list) {
                identifiers = list.stream().filter(Identifier.class::isInstance).map(Identifier.class::cast).toList();
            } else if (found instanceof Identifier single) {
                identifiers = List.of(single);
            }
        } catch (ReflectiveOperationException noIdentifier) {
            // a type without identifiers: identified by its fullUrl
        }
        return identifiers.stream().filter(id -> id.hasSystem() && id.hasValue()).findFirst().orElse(null);
    }

    // ---- per type ---------------------------------------------------------------------------------------------

    private void mapEntry(String label, String key, Resource resource) {
        if (resource instanceof Practitioner practitioner) {
            directory.add(new DirectoryEntry(label, DirectoryKind.PRACTITIONER, directoryId(key),
                    practitioner.hasName() ? practitioner.getNameFirstRep().getNameAsSingleString() : null, address(practitioner.getAddress())));
        } else if (resource instanceof Organization organization) {
            directory.add(new DirectoryEntry(label, DirectoryKind.ORGANIZATION, directoryId(key),
                    organization.getName(), address(organization.getAddress())));
        } else if (resource instanceof Location location) {
            directory.add(new DirectoryEntry(label, DirectoryKind.LOCATION, directoryId(key),
                    location.getName(), location.hasAddress() ? address(List.of(location.getAddress())) : null));
        } else if (resource instanceof Patient patient) {
            patient(label, key, patient);
        } else if (resource instanceof Encounter encounter) {
            encounter(label, key, encounter);
        } else if (resource instanceof Observation observation) {
            observation(label, key, observation);
        } else if (resource instanceof DiagnosticReport report) {
            report(label, key, report);
        } else if (resource instanceof Condition condition) {
            add(label, RecordKind.CONDITION, key, condition.getSubject(), condition.getEncounter(),
                    firstCode(condition.getCategory()), firstCode(List.of(condition.getClinicalStatus())), condition.getCode(),
                    date(condition.hasOnsetDateTimeType() ? condition.getOnsetDateTimeType() : null),
                    date(condition.hasAbatementDateTimeType() ? condition.getAbatementDateTimeType() : null),
                    details(condition.getCode()).build());
        } else if (resource instanceof AllergyIntolerance allergy) {
            add(label, RecordKind.ALLERGY, key, allergy.getPatient(), allergy.getEncounter(),
                    allergy.hasCategory() ? allergy.getCategory().get(0).getValueAsString() : null, firstCode(List.of(allergy.getClinicalStatus())),
                    allergy.getCode(), date(allergy.getRecordedDateElement()), null,
                    details(allergy.getCode()).text(allergy.getReaction().stream().flatMap(r -> r.getManifestation().stream())
                            .map(BundleMapper::text).filter(t -> t != null).distinct().collect(Collectors.joining(", ")))
                            .extra("criticality", allergy.hasCriticality() ? allergy.getCriticality().getDisplay() : null).build());
        } else if (resource instanceof MedicationRequest request) {
            medicationRequest(label, key, request);
        } else if (resource instanceof Medication medication) {
            add(label, RecordKind.MEDICATION, key, null, null, null,
                    medication.hasStatus() ? medication.getStatus().toCode() : null, medication.getCode(), null, null,
                    details(medication.getCode()).build());
        } else if (resource instanceof Immunization immunization) {
            add(label, RecordKind.IMMUNIZATION, key, immunization.getPatient(), immunization.getEncounter(),
                    null, immunization.hasStatus() ? immunization.getStatus().toCode() : null, immunization.getVaccineCode(),
                    date(immunization.hasOccurrenceDateTimeType() ? immunization.getOccurrenceDateTimeType() : null), null,
                    details(immunization.getVaccineCode()).location(immunization.getLocation()).build());
        } else if (resource instanceof Procedure procedure) {
            add(label, RecordKind.PROCEDURE, key, procedure.getSubject(), procedure.getEncounter(), null,
                    procedure.hasStatus() ? procedure.getStatus().toCode() : null, procedure.getCode(),
                    procedure.hasPerformedPeriod() ? date(procedure.getPerformedPeriod().getStartElement()) : date(procedure.hasPerformedDateTimeType() ? procedure.getPerformedDateTimeType() : null),
                    procedure.hasPerformedPeriod() ? date(procedure.getPerformedPeriod().getEndElement()) : null,
                    details(procedure.getCode()).reason(procedure.getReasonCode()).location(procedure.getLocation()).build());
        } else if (resource instanceof CarePlan plan) {
            add(label, RecordKind.CARE_PLAN, key, plan.getSubject(), plan.getEncounter(), null,
                    plan.hasStatus() ? plan.getStatus().toCode() : null, null, start(plan.getPeriod()), end(plan.getPeriod()),
                    new Details().title(plan.getCategory().stream().skip(plan.getCategory().size() > 1 ? 1 : 0).map(BundleMapper::text)
                            .filter(t -> t != null).findFirst().orElse(null))
                            .text(plan.getActivity().stream().map(a -> text(a.getDetail().getCode())).filter(t -> t != null)
                                    .collect(Collectors.joining("; "))).build());
        } else if (resource instanceof CareTeam team) {
            careTeam(label, key, team);
        } else if (resource instanceof DocumentReference document) {
            document(label, key, document);
        } else if (resource instanceof Claim claim) {
            add(label, RecordKind.CLAIM, key, claim.getPatient(), null, null,
                    claim.hasStatus() ? claim.getStatus().toCode() : null, null, date(claim.getCreatedElement()), null,
                    money(new Details().title(text(claim.getType())), claim.getTotal()).build());
        } else if (resource instanceof ExplanationOfBenefit eob) {
            add(label, RecordKind.EXPLANATION_OF_BENEFIT, key, eob.getPatient(), null, null,
                    eob.hasStatus() ? eob.getStatus().toCode() : null, null, date(eob.getCreatedElement()), null,
                    money(new Details().title(text(eob.getType())), eob.hasPayment() ? eob.getPayment().getAmount() : null).build());
        } else {
            notStored.merge(resource.fhirType(), 1, Integer::sum);
        }
    }

    /** The directory identifier ({@code system|value}) from a source key ({@code Type|system|value} or {@code Type|url}). */
    private static String directoryId(String key) {
        return key.substring(key.indexOf('|') + 1);
    }

    private void patient(String label, String key, Patient patient) {
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.hasName() ? patient.getNameFirstRep() : null);
        Details details = new Details().title(name == null ? null : (name.getGivenAsSingleString() + " " + name.getFamily()).strip())
                .extra("birthDate", patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null)
                .extra("gender", patient.hasGender() ? patient.getGender().toCode() : null)
                .extra("address", address(patient.getAddress()));
        entries.add(new RecordEntry(label, RecordKind.PATIENT, key, null, null, List.of(), null,
                patient.hasActive() ? String.valueOf(patient.getActive()) : null, null, null,
                patient.hasDeceasedDateTimeType() ? date(patient.getDeceasedDateTimeType()) : null, List.of(), details.build()));
    }

    private void encounter(String label, String key, Encounter encounter) {
        List<String> practitioners = new ArrayList<>();
        Details details = new Details().title(encounter.hasType() ? text(encounter.getTypeFirstRep()) : null).reason(encounter.getReasonCode());
        for (Encounter.EncounterParticipantComponent participant : encounter.getParticipant()) {
            String practitioner = directoryReference(participant.getIndividual(), "Practitioner");
            if (practitioner != null) {
                practitioners.add(practitioner);
                details.performer(participant.getIndividual());
            }
        }
        if (encounter.hasLocation()) {
            details.location(encounter.getLocationFirstRep().getLocation());
        } else if (encounter.hasServiceProvider()) {
            details.location(encounter.getServiceProvider());
        }
        entries.add(new RecordEntry(label, RecordKind.ENCOUNTER, key, reference(encounter.getSubject()), null, List.of(),
                encounter.hasClass_() ? encounter.getClass_().getCode() : null, encounter.hasStatus() ? encounter.getStatus().toCode() : null,
                null, start(encounter.getPeriod()), end(encounter.getPeriod()), practitioners, details.build()));
    }

    private void observation(String label, String key, Observation observation) {
        if (!observation.hasCode() || !observation.getCode().hasCoding()) {
            throw new Invalid("has no code");
        }
        Details details = details(observation.getCode());
        value(details, observation.getValue());
        if (observation.hasReferenceRange()) {
            Observation.ObservationReferenceRangeComponent range = observation.getReferenceRangeFirstRep();
            details.low = range.hasLow() ? range.getLow().getValue().doubleValue() : null;
            details.high = range.hasHigh() ? range.getHigh().getValue().doubleValue() : null;
            details.range = range.getText();
        }
        details.interpretation = observation.hasInterpretation() ? firstCode(observation.getInterpretation()) : null;
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            Details part = details(component.getCode());
            value(part, component.getValue());
            details.components.add(new RecordDetails.Component(part.title, part.code, part.value, part.unit, part.text,
                    component.hasInterpretation() ? firstCode(component.getInterpretation()) : null));
        }
        Instant effective = observation.hasEffectiveDateTimeType() ? date(observation.getEffectiveDateTimeType())
                : observation.hasEffectivePeriod() ? start(observation.getEffectivePeriod()) : date(observation.getIssuedElement());
        add(label, RecordKind.OBSERVATION, key, observation.getSubject(), observation.getEncounter(), firstCode(observation.getCategory()),
                observation.hasStatus() ? observation.getStatus().toCode() : null, observation.getCode(), effective, null, details.build());
    }

    private void report(String label, String key, DiagnosticReport report) {
        List<String> members = report.getResult().stream().map(this::reference).toList();
        String category = report.getCategory().stream().flatMap(c -> c.getCoding().stream()).map(Coding::getCode)
                .map(code -> switch (code) {
                    case "LAB" -> "laboratory";
                    case "RAD" -> "imaging";
                    default -> "clinical-note";
                }).findFirst().orElse(null);
        Details details = details(report.getCode());
        if (report.hasPerformer()) {
            details.performer(report.getPerformerFirstRep());
        }
        Instant effective = report.hasEffectiveDateTimeType() ? date(report.getEffectiveDateTimeType())
                : report.hasEffectivePeriod() ? start(report.getEffectivePeriod()) : date(report.getIssuedElement());
        details.extra("issued", report.hasIssued() ? report.getIssuedElement().getValue().toInstant().toString() : null);
        entries.add(new RecordEntry(label, RecordKind.DIAGNOSTIC_REPORT, key, reference(report.getSubject()),
                reference(report.getEncounter()), members, category, report.hasStatus() ? report.getStatus().toCode() : null,
                code(report.getCode()), effective, null, List.of(), details.build()));
    }

    private void medicationRequest(String label, String key, MedicationRequest request) {
        CodeableConcept medication = request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null;
        if (medication == null && request.hasMedicationReference()) {
            Resource named = resources.get(keys.get(request.getMedicationReference().getReference()));
            medication = named instanceof Medication known ? known.getCode()
                    : new CodeableConcept().setText(request.getMedicationReference().getDisplay());
        }
        Details details = details(medication).reason(request.getReasonCode())
                .text(request.getDosageInstruction().stream().map(d -> d.getText()).filter(t -> t != null).collect(Collectors.joining("; ")));
        if (request.hasRequester()) {
            details.performer(request.getRequester());
        }
        add(label, RecordKind.MEDICATION_REQUEST, key, request.getSubject(), request.getEncounter(),
                firstCode(request.getCategory()), request.hasStatus() ? request.getStatus().toCode() : null, medication,
                date(request.getAuthoredOnElement()), null, details.build());
    }

    private void careTeam(String label, String key, CareTeam team) {
        List<String> practitioners = team.getParticipant().stream().map(p -> directoryReference(p.getMember(), "Practitioner"))
                .filter(p -> p != null).toList();
        Details details = new Details().title(team.hasName() ? team.getName() : team.hasReasonCode() ? text(team.getReasonCodeFirstRep()) : null);
        entries.add(new RecordEntry(label, RecordKind.CARE_TEAM, key, reference(team.getSubject()), reference(team.getEncounter()), List.of(),
                null, team.hasStatus() ? team.getStatus().toCode() : null, null, start(team.getPeriod()), end(team.getPeriod()),
                practitioners, details.build()));
    }

    private void document(String label, String key, DocumentReference document) {
        Details details = details(document.getType());
        StringBuilder text = new StringBuilder();
        for (DocumentReference.DocumentReferenceContentComponent content : document.getContent()) {
            Attachment attachment = content.getAttachment();
            if (attachment.hasData() && (!attachment.hasContentType() || attachment.getContentType().startsWith("text/"))) {
                text.append(new String(attachment.getData(), StandardCharsets.UTF_8));
            }
        }
        details.text(text.toString());
        if (document.hasAuthor()) {
            details.performer(document.getAuthorFirstRep());
        }
        Reference encounter = document.getContext().hasEncounter() ? document.getContext().getEncounterFirstRep() : null;
        entries.add(new RecordEntry(label, RecordKind.DOCUMENT, key, reference(document.getSubject()), reference(encounter), List.of(),
                "clinical-note", document.hasStatus() ? document.getStatus().toCode() : null, code(document.getType()),
                date(document.getDateElement()), null, List.of(), details.build()));
    }

    private void add(String label, RecordKind kind, String key, Reference patient, Reference encounter, String category, String status,
            CodeableConcept code, Instant effective, Instant ended, RecordDetails details) {
        entries.add(new RecordEntry(label, kind, key, reference(patient), reference(encounter), List.of(), category, status, code(code),
                effective, ended, List.of(), details));
    }

    // ---- references -------------------------------------------------------------------------------------------

    /** The source key a reference points at; a key that resolves nowhere makes the store reject the entry. */
    private String reference(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String target = reference.getReference();
        String key = keys.get(target);
        if (key != null) {
            return key;
        }
        int query = target.indexOf("?identifier=");
        if (query > 0) {
            return target.substring(0, query) + "|" + target.substring(query + "?identifier=".length());
        }
        return "unresolved|" + target;
    }

    /** {@code system|value} of a directory reference of the given type (conditional, or to an entry of this bundle). */
    private String directoryReference(Reference reference, String type) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String target = reference.getReference();
        if (target.startsWith(type + "?identifier=")) {
            return target.substring((type + "?identifier=").length());
        }
        String key = keys.get(target);
        return key != null && key.startsWith(type + "|") ? directoryId(key) : null;
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private static String code(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        return concept.getCoding().stream().filter(c -> c.hasCode()).findFirst()
                .map(c -> (c.hasSystem() ? c.getSystem() : "") + "|" + c.getCode()).orElse(null);
    }

    private static String firstCode(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).map(Coding::getCode).filter(c -> c != null).findFirst().orElse(null);
    }

    private static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).filter(t -> t != null).findFirst().orElse(null);
    }

    private static Instant date(BaseDateTimeType date) {
        return date == null || date.getValue() == null ? null : date.getValue().toInstant();
    }

    private static Instant start(Period period) {
        return period == null || !period.hasStart() ? null : period.getStart().toInstant();
    }

    private static Instant end(Period period) {
        return period == null || !period.hasEnd() ? null : period.getEnd().toInstant();
    }

    private static String address(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        Address address = addresses.get(0);
        List<String> parts = new ArrayList<>(address.getLine().stream().map(l -> l.getValue()).toList());
        parts.add(address.getCity());
        parts.add(address.getState());
        String line = parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
        return line.isEmpty() ? null : line;
    }

    private static void value(Details details, Type value) {
        if (value instanceof Quantity quantity) {
            details.value = quantity.hasValue() ? quantity.getValue().doubleValue() : null;
            details.unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
        } else if (value instanceof CodeableConcept concept) {
            details.text = text(concept);
        } else if (value != null && value.isPrimitive()) {
            details.text = value.primitiveValue();
        }
    }

    private static Details money(Details details, Money money) {
        if (money != null && money.hasValue()) {
            details.value = money.getValue().doubleValue();
            details.unit = money.getCurrency();
        }
        return details;
    }

    private Details details(CodeableConcept code) {
        Details details = new Details().title(text(code));
        details.code = code(code);
        return details;
    }

    /** A mutable builder of {@link RecordDetails}, used only while mapping one resource. */
    private final class Details {
        String title;
        String code;
        String text;
        Double value;
        String unit;
        Double low;
        Double high;
        String range;
        String interpretation;
        String reason;
        String performer;
        String performerName;
        String location;
        String locationName;
        final List<RecordDetails.Component> components = new ArrayList<>();
        final Map<String, String> extra = new LinkedHashMap<>();

        Details title(String value) {
            title = value;
            return this;
        }

        Details text(String value) {
            text = value == null || value.isEmpty() ? null : value;
            return this;
        }

        Details reason(List<CodeableConcept> reasons) {
            reason = reasons.stream().map(BundleMapper::text).filter(t -> t != null).collect(Collectors.joining(", "));
            reason = reason.isEmpty() ? null : reason;
            return this;
        }

        Details performer(Reference who) {
            if (performer == null && performerName == null) {
                performer = directoryReference(who, "Practitioner");
                if (performer == null) {
                    performer = directoryReference(who, "Organization");
                }
                performerName = who.getDisplay();
            }
            return this;
        }

        Details location(Reference where) {
            if (where != null && where.hasReference()) {
                location = directoryReference(where, "Location");
                if (location == null) {
                    location = directoryReference(where, "Organization");
                }
                locationName = where.getDisplay();
            }
            return this;
        }

        Details extra(String name, String value) {
            if (value != null) {
                extra.put(name, value);
            }
            return this;
        }

        RecordDetails build() {
            return new RecordDetails(title, code, text, value, unit, low, high, range, interpretation, reason, performer, performerName,
                    location, locationName, components, extra);
        }
    }
}
