-- Prescription renewal requests (io.hearth.medications). The pharmacy, the patient's note, the changes an approval
-- made and a denial's reason are encrypted with the row id bound in (bytea); ids, status, who and when are in clear
-- for the staff queue's filter and order. medication_id is the MedicationRequest's id in record_entry.
create table renewal_request (
    id uuid primary key,
    patient_id uuid not null,
    medication_id uuid not null,
    -- the prescriber's Practitioner (directory id) when the request was made, so their own requests come first
    prescriber_id uuid,
    -- PENDING, APPROVED or DENIED (RenewalStatus); kept by RenewalRequest, no check constraint (see V27)
    status varchar(16) not null,
    pharmacy_ciphertext bytea not null,
    note_ciphertext bytea,
    requested_by varchar(64) not null,
    requested_at timestamp with time zone not null,
    decided_by varchar(64),
    decided_at timestamp with time zone,
    changes_ciphertext bytea,
    reason_ciphertext bytea,
    version bigint not null
);
create index renewal_request_by_patient on renewal_request (patient_id, requested_at);
create index renewal_request_by_status on renewal_request (status, requested_at);
-- one pending request per medication: postgresql/V37 and h2/V37 (H2 has no partial indexes)
