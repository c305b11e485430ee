-- Activation codes the practice gives a patient to open their account: only the SHA-256 of the code is kept; a code
-- works once, until it expires, and a newer code for the same record voids the older ones.
create table activation_code (
    id         uuid                        not null primary key,
    patient_id uuid                        not null,
    code_hash  varchar(64)                 not null,
    issued_by  varchar(320)                not null,
    issued_at  timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone,
    voided_at  timestamp(6) with time zone,
    constraint activation_code_hash_unique unique (code_hash)
);
create index activation_code_patient on activation_code (patient_id);
