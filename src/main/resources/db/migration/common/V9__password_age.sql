-- When the password was last set (for the maximum age), and the hashes of earlier passwords (not to be reused).
alter table account add column password_changed_at timestamp(6) with time zone;
update account set password_changed_at = created_at;

create table password_history (
    id            uuid                        not null primary key,
    account_id    uuid                        not null references account (id),
    password_hash varchar(255)                not null,
    replaced_at   timestamp(6) with time zone not null
);
create index password_history_account on password_history (account_id, replaced_at);
