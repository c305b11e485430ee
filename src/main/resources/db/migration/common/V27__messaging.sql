-- Secure messaging (io.hearth.messaging). Subjects, bodies and attachment names are encrypted with the row id bound
-- in (bytea); ids, pool, status, assignee, authors and times are in clear for the inbox's filters and ordering.
create table message_thread (
    id uuid primary key,
    patient_id uuid not null,
    pool varchar(32) not null,
    practitioner_id uuid,
    subject_ciphertext bytea not null,
    status varchar(16) not null,
    assignee varchar(64),
    created_at timestamp with time zone not null,
    last_message_at timestamp with time zone not null,
    -- pool (Pool), status (ThreadStatus) and "only a care-team thread names a provider" are kept by MessageThread; no
    -- check constraints: H2 2.4 in PostgreSQL mode refuses valid rows against them ("Check constraint invalid")
    version bigint not null
);
create index message_thread_by_patient on message_thread (patient_id, last_message_at);
create index message_thread_by_pool on message_thread (pool, status, last_message_at);

create table message (
    id uuid primary key,
    thread_id uuid not null references message_thread (id),
    author varchar(64) not null,
    from_patient boolean not null,
    body_ciphertext bytea not null,
    sent_at timestamp with time zone not null,
    form_token varchar(64) not null,
    -- the same form sent twice makes one message
    constraint message_once_per_form unique (author, form_token)
);
create index message_by_thread on message (thread_id, sent_at);

create table message_attachment (
    id uuid primary key,
    message_id uuid not null references message (id),
    patient_id uuid not null,
    file_id varchar(100) not null unique,
    name_ciphertext bytea not null,
    content_type varchar(64) not null,
    size_bytes bigint not null,
    sha256 varchar(64) not null
);
create index message_attachment_by_message on message_attachment (message_id);
create index message_attachment_by_patient on message_attachment (patient_id);

-- per reader and thread: read up to this message time (messages of a thread have strictly increasing times)
create table message_read (
    thread_id uuid not null references message_thread (id),
    reader varchar(64) not null,
    read_up_to timestamp with time zone not null,
    primary key (thread_id, reader)
);

-- the staff notice digest: when each staff member was last emailed, and since when something waits untold
create table message_staff_notice (
    username varchar(64) primary key,
    last_sent_at timestamp with time zone,
    pending_since timestamp with time zone
);
