-- H2's counterpart of postgresql/V11: the database keeps the chain's head and refuses entries that do not extend it.
create trigger audit_entry_extends_head before insert on audit_entry
    for each row call 'io.hearth.audit.internal.ChainHeadTrigger';
