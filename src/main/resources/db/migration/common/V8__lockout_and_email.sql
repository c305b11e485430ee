-- Lockout: failures since the last full sign-in, and the end of the current lock (checked against the injected clock).
alter table account add column failed_attempts integer default 0 not null;
alter table account add column locked_until timestamp(6) with time zone;

-- The email address is personal data: encrypted, with a keyed blind index for look-ups (sign-in by email, uniqueness).
alter table account add column email_ciphertext bytea;
alter table account add column email_index varchar(64);
create unique index account_email_index on account (email_index);

-- Failed sign-in steps per client address, for the throttle that keeps one client from locking out many accounts.
create table sign_in_failure (
    id             uuid                        not null primary key,
    client_address varchar(64)                 not null,
    failed_at      timestamp(6) with time zone not null
);
create index sign_in_failure_address_time on sign_in_failure (client_address, failed_at);
