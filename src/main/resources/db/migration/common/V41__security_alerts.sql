-- Suspicious-activity alerts (io.hearth.compliance): a periodic detector counts the audit trail over a window and
-- raises one alert per rule and subject (a username, a client address, an account id) while it stays open; the
-- security officer closes each as harmless or escalates it, with a note. Rows are never deleted (afterMigrate.sql).
create table security_alert (
    id            uuid                        not null primary key,
    rule          varchar(40)                 not null,
    subject       varchar(320)                not null,
    subject_name  varchar(320),
    event_count   bigint                      not null,
    window_length bigint                      not null,
    first_seen    timestamp(6) with time zone not null,
    last_seen     timestamp(6) with time zone not null,
    covered_until timestamp(6) with time zone not null,
    raised_at     timestamp(6) with time zone not null,
    status        varchar(10)                 not null,
    close_note    varchar(500),
    closed_by     varchar(320),
    closed_at     timestamp(6) with time zone
);
create index security_alert_status on security_alert (status, raised_at);
create index security_alert_subject on security_alert (rule, subject, raised_at);

-- The detector counts one action over a recent window: without this index that is a scan of the whole trail.
create index audit_entry_action_time on audit_entry (action, occurred_at);
