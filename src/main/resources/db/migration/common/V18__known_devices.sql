-- Browsers an account has signed in from, named by a random cookie kept only as a SHA-256 hash: a sign-in from one
-- not seen before emails the owner (after their first device).
create table known_device (
    account_id    uuid                        not null references account (id),
    device_hash   varchar(64)                 not null,
    first_seen_at timestamp(6) with time zone not null,
    last_seen_at  timestamp(6) with time zone not null,
    constraint known_device_pk primary key (account_id, device_hash)
);
