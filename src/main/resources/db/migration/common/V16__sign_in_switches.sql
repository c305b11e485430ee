-- Switches an administrator turns on and off at run time (io.hearth.identity), within what the configuration allows:
-- one row per switch once it was first changed; no row means the configured default.
create table sign_in_switch (
    name       varchar(60)                 not null primary key,
    enabled    boolean                     not null,
    changed_at timestamp(6) with time zone not null,
    changed_by varchar(320)                not null
);
