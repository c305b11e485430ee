-- An email address counts as confirmed once its owner opened the link sent to it; changing the address unconfirms it.
alter table account add column email_confirmed_at timestamp(6) with time zone;

-- One-time confirmation links: only the SHA-256 of the token is kept, with the blind index of the address it was
-- sent to, so a link for an address the account no longer has confirms nothing.
create table email_confirmation_token (
    id          uuid                        not null primary key,
    account_id  uuid                        not null references account (id),
    token_hash  varchar(64)                 not null,
    email_index varchar(64)                 not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    used_at     timestamp(6) with time zone,
    constraint email_confirmation_token_hash_unique unique (token_hash)
);
