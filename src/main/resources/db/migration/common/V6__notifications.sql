-- The outbox of email notices (io.hearth.notifications). Runs on PostgreSQL and on H2 in PostgreSQL mode.
-- A row is written in the transaction of the action that caused it and delivered after commit by the sender, which
-- claims rows with a conditional update (claim_token, claimed_until) so that two nodes never send the same notice.
-- The address, first name and link are encrypted (crypto module), bound to this row's id, and erased once sent.
create table notice (
    id                    uuid                        not null primary key,
    type                  varchar(40)                 not null,
    recipient_ciphertext  bytea,
    first_name_ciphertext bytea,
    link_ciphertext       bytea,
    -- PENDING, SENT or FAILED (NoticeStatus); no check constraint: H2 2.4 in PostgreSQL mode refused the one we had
    status                varchar(10)                 not null,
    attempts              integer                     not null,
    next_attempt_at       timestamp(6) with time zone not null,
    last_attempt_at       timestamp(6) with time zone,
    claim_token           uuid,
    claimed_until         timestamp(6) with time zone,
    -- the class name of the last failure only: exception messages can carry the address
    last_error            varchar(200),
    created_at            timestamp(6) with time zone not null,
    sent_at               timestamp(6) with time zone
);
create index notice_due on notice (status, next_attempt_at);
create index notice_created on notice (created_at);
