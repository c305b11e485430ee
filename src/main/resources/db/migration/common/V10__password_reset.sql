-- One-time password reset links: only the SHA-256 of the token is kept; a token works once, for a short time, and not
-- after any later password change.
create table password_reset_token (
    id         uuid                        not null primary key,
    account_id uuid                        not null references account (id),
    token_hash varchar(64)                 not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone,
    constraint password_reset_token_hash_unique unique (token_hash)
);
