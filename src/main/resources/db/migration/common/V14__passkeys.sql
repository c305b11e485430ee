-- Passkeys (WebAuthn), in the tables and columns Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository use (its user-entities-schema.sql and user-credentials-schema-postgres.sql), adapted to
-- run on PostgreSQL and on H2 in PostgreSQL mode: bytea for the binary columns, times with their zone like every other
-- table here, a unique username per user entity, and credentials that go with their user entity.
create table user_entities (
    id           varchar(1000) not null primary key,
    -- the account's username (Spring Security looks the entity up by it)
    name         varchar(100)  not null,
    display_name varchar(200),
    constraint user_entities_name_unique unique (name)
);

create table user_credentials (
    credential_id                varchar(1000)               not null primary key,
    user_entity_user_id          varchar(1000)               not null references user_entities (id) on delete cascade,
    public_key                   bytea                       not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean                     not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean                     not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp(6) with time zone,
    last_used                    timestamp(6) with time zone,
    -- the name its owner gave it
    label                        varchar(1000)               not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);
