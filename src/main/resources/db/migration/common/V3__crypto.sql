-- Data keysets (fields, files, blind-index), each a Tink JSON keyset encrypted under the master key, which is kept
-- outside the database. Runs on PostgreSQL and on H2 in PostgreSQL mode.
create table crypto_keyset (
    name             varchar(64)                 not null primary key,
    encrypted_keyset varchar(262144)             not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint                      not null
);
