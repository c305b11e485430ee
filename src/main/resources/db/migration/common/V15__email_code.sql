-- One-time sign-in codes sent by email (a patient's fallback second factor). Only a keyed hash of the code is kept
-- (crypto module's blind index, bound to the account); a code works once, until expires_at.
create table email_code (
    id         uuid                        not null primary key,
    account_id uuid                        not null references account (id),
    code_hash  varchar(64)                 not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone
);
create index email_code_account on email_code (account_id, created_at);
