-- Accounts of patients and staff. Runs on PostgreSQL and on H2 in PostgreSQL mode.
create table account (
    id            uuid                     not null primary key,
    username      varchar(64)              not null,
    username_key  varchar(64)              not null,
    -- the person's name is PHI for patients: encrypted (crypto module), bound to this row's id
    display_name_ciphertext bytea          not null,
    password_hash varchar(255)             not null,
    enabled       boolean                  not null,
    created_at    timestamp(6) with time zone not null,
    version       bigint                   not null,
    constraint account_username_key_unique unique (username_key)
);

create table account_role (
    account_id uuid        not null references account (id),
    role       varchar(32) not null,
    primary key (account_id, role)
);
