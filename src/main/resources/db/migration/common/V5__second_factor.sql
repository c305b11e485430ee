-- Second factors. The authenticator secret is encrypted (crypto module) and bound to the account row; the last used
-- time step makes every code single-use. Recovery codes are stored as SHA-256 hashes (they are long random strings).
alter table account add column totp_secret_ciphertext bytea;
alter table account add column totp_last_step bigint;

create table recovery_code (
    id         uuid                        not null primary key,
    account_id uuid                        not null references account (id),
    code_hash  varchar(64)                 not null,
    created_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone,
    constraint recovery_code_hash_unique unique (account_id, code_hash)
);
