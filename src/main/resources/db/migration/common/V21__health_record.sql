-- The health record imported from the EHR (see io.hearth.records.package-info for what is in clear and why).
create table record_entry (
    id                 uuid                        not null primary key,
    kind               varchar(32)                 not null,
    -- keyed hash of the EHR's identity of the resource (type and identifier or fullUrl): re-imports update in place
    source_key         varchar(64)                 not null,
    -- keyed hash of the stored content: an unchanged re-import writes nothing
    content_key        varchar(64)                 not null,
    patient_id         uuid,
    encounter_id       uuid,
    -- the report a result belongs to
    parent_id          uuid,
    category           varchar(40),
    status             varchar(40),
    -- keyed hash of the primary code (trends); the code itself is only in the encrypted details
    code_key           varchar(64),
    effective_at       timestamp(6) with time zone,
    ended_at           timestamp(6) with time zone,
    details_ciphertext bytea                       not null,
    imported_at        timestamp(6) with time zone not null,
    constraint record_entry_source_key_unique unique (source_key)
);
create index record_entry_patient_kind on record_entry (patient_id, kind, effective_at);
create index record_entry_parent on record_entry (parent_id);
create index record_entry_patient_code on record_entry (patient_id, code_key, effective_at);

-- Practitioners, organizations and locations: public information about the practice, in clear.
create table directory_entry (
    id          uuid         not null primary key,
    kind        varchar(20)  not null,
    identifier  varchar(300) not null,
    name        varchar(300),
    address     varchar(500),
    imported_at timestamp(6) with time zone not null,
    constraint directory_entry_identifier_unique unique (kind, identifier)
);

-- Which practitioner (by directory identifier) cares for which patient, and which record says so.
create table care_relationship (
    source_id               uuid         not null,
    practitioner_identifier varchar(300) not null,
    patient_id              uuid         not null,
    primary key (source_id, practitioner_identifier)
);
create index care_relationship_practitioner on care_relationship (practitioner_identifier, patient_id);
create index care_relationship_patient on care_relationship (patient_id);
