-- The email consent ledger (io.hearth.patients): every choice a patient made about email notices, with the version of
-- the explanation they were shown. Append-only: the latest row is the choice in force, earlier rows are its history
-- (on PostgreSQL the application role may not change or remove rows, see afterMigrate.sql).
create table email_consent (
    -- the order choices were made in (several may fall in the same microsecond)
    seq          bigint generated always as identity primary key,
    account_id   uuid                        not null,
    agreed       boolean                     not null,
    text_version varchar(40)                 not null,
    decided_at   timestamp(6) with time zone not null,
    decided_by   varchar(320)                not null
);
create index email_consent_account on email_consent (account_id, seq);
