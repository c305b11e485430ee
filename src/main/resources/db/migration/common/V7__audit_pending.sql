-- Audit entries for changes, written in the changing transaction itself; the chain writer moves each into the chain
-- (and deletes it here) right after commit, or at the next start if the process died in between. So every committed
-- change has its entry, and none has two.
create table audit_pending (
    id             uuid                        not null primary key,
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
    session_hash   varchar(64)
);
