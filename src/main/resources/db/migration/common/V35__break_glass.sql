-- Emergency ("break-glass") access (io.hearth.compliance): a clinician opened a patient outside their care team after
-- giving a reason and their second factor again. The grant lasts a limited time for that patient only; the security
-- officer reviews each one (accept, or escalate to an incident). Rows are never deleted (afterMigrate.sql).
create table break_glass (
    id            uuid                        not null primary key,
    username      varchar(320)                not null,
    patient_id    uuid                        not null,
    reason        varchar(40)                 not null,
    details       varchar(500)                not null,
    granted_at    timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone not null,
    review        varchar(10),
    review_note   varchar(500),
    reviewed_by   varchar(320),
    reviewed_at   timestamp(6) with time zone
);
create index break_glass_active on break_glass (username, patient_id, expires_at);
create index break_glass_review on break_glass (review, granted_at);
