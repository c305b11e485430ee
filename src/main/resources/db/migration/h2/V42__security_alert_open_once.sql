-- H2's counterpart of postgresql/V42, which H2 cannot express (no partial indexes): a column that holds the rule and
-- subject only while the alert is open, unique; closed alerts hold null, and nulls never collide.
alter table security_alert add column open_key varchar(400)
    generated always as (case when status = 'OPEN' then rule || ' ' || subject end);
create unique index security_alert_open_once on security_alert (open_key);
