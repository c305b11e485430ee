-- Runs after every migration on PostgreSQL. Migrations run as the owner role (spring.flyway.user); the portal
-- connects as the application role (${app_role}), which may read and write the feature tables but may only read and
-- append to the audit trail.
do $$
begin
    if '${app_role}' <> current_user then
        execute 'grant select, insert, update, delete on all tables in schema public to "${app_role}"';
        execute 'grant usage, select on all sequences in schema public to "${app_role}"';
        execute 'revoke update, delete, truncate on audit_entry, audit_checkpoint from "${app_role}"';
        execute 'revoke insert, update, delete, truncate on flyway_schema_history from "${app_role}"';
        -- the health record: imports create and update records, never delete them; care relationships are replaced
        execute 'revoke delete, truncate on record_entry, directory_entry from "${app_role}"';
        execute 'revoke update, truncate on care_relationship from "${app_role}"';
        -- the email consent ledger keeps every choice
        execute 'revoke update, delete, truncate on email_consent from "${app_role}"';
        -- emergency access grants are reviewed (updated) but never removed
        execute 'revoke delete, truncate on break_glass from "${app_role}"';
        -- appointments are cancelled, never removed (their slot claims come and go)
        execute 'revoke delete, truncate on appointment, wait_list_entry, wait_list_offer from "${app_role}"';
        -- a patient's booking lock row is made once and then only locked (select ... for update needs update)
        execute 'revoke delete, truncate on appointment_patient_lock from "${app_role}"';
        -- renewal requests are decided (updated) but never removed
        execute 'revoke delete, truncate on renewal_request from "${app_role}"';
        -- suspicious-activity alerts are closed (updated) but never removed
        execute 'revoke delete, truncate on security_alert from "${app_role}"';
        -- attachments are never removed, so their quota counters only grow; a removed counter would start again at zero
        execute 'revoke delete, truncate on message_quota from "${app_role}"';
        -- statistics after a bulk import (V43)
        execute 'grant execute on function refresh_record_statistics() to "${app_role}"';
    end if;
end;
$$;
