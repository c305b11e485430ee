-- The tamper-evident audit trail (see io.hearth.audit.internal.package-info for the design).
-- Entries and checkpoints are append-only: triggers refuse UPDATE and DELETE (vendor folders), and on PostgreSQL the
-- application role is granted only SELECT and INSERT on them (afterMigrate.sql).
create table audit_entry (
    seq            bigint                      not null primary key,
    occurred_at    timestamp(6) with time zone not null,
    actor_id       varchar(320)                not null,
    actor_roles    varchar(200)                not null,
    action         varchar(40)                 not null,
    outcome        varchar(10)                 not null,
    patient_id     uuid,
    object_type    varchar(60),
    object_id      varchar(100),
    reason         varchar(1000),
    client_address varchar(64),
    request_id     varchar(32),
    session_hash   varchar(64),
    prev_hash      varchar(64)                 not null,
    entry_hash     varchar(64)                 not null
);
create index audit_entry_patient_time on audit_entry (patient_id, occurred_at);
create index audit_entry_actor_time on audit_entry (actor_id, occurred_at);

create table audit_checkpoint (
    seq        bigint                      not null primary key,
    entry_hash varchar(64)                 not null,
    seal       varchar(128)                not null,
    sealed_at  timestamp(6) with time zone not null
);

-- The chain's head: one row, locked once per batch of entries (never once per request).
create table audit_head (
    chain_id            integer     not null primary key,
    last_seq            bigint      not null,
    last_hash           varchar(64) not null,
    last_checkpoint_seq bigint      not null
);
insert into audit_head (chain_id, last_seq, last_hash, last_checkpoint_seq)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
