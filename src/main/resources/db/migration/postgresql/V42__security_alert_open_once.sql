-- One open alert per rule and subject, whatever races (two nodes running the detector): a second insert fails.
create unique index security_alert_open_once on security_alert (rule, subject) where status = 'OPEN';
