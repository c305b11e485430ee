-- After a bulk import (the import command, the demo's first start) PostgreSQL would plan the record pages for the
-- tables' old, often empty, sizes until autovacuum next analyzes them, a minute or more later: the results page then
-- read every report of the patient once for each result (6 ms instead of 0.3 ms). Only the owner may ANALYZE, so the
-- portal's role is given this function and nothing more.
create function refresh_record_statistics() returns void language plpgsql security definer set search_path = public as $$
begin
    analyze record_entry;
    analyze directory_entry;
    analyze care_relationship;
end;
$$;
revoke all on function refresh_record_statistics() from public;
