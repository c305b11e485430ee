-- The database keeps the chain's head and refuses an entry that does not extend it: the entry must take the next
-- sequence number and link to the head's hash. The writer no longer locks and updates the head itself (one round trip
-- less per batch), and no second writer (another node, a bug) can fork the chain; a refused entry raises
-- serialization_failure, on which the writer reloads the head and chains its batch again.
create function audit_entry_extend_head() returns trigger language plpgsql as $$
declare
    head record;
begin
    select last_seq, last_hash into head from audit_head where chain_id = 1 for update;
    if new.seq <> head.last_seq + 1 or new.prev_hash <> head.last_hash then
        raise exception 'audit entry % does not extend the chain head at %', new.seq, head.last_seq
            using errcode = 'serialization_failure';
    end if;
    update audit_head set last_seq = new.seq, last_hash = new.entry_hash where chain_id = 1;
    return new;
end;
$$;

create trigger audit_entry_extends_head before insert on audit_entry
    for each row execute function audit_entry_extend_head();
