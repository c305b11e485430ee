-- H2's counterpart of postgresql/V37, which H2 cannot express (no partial indexes): a column that holds the
-- medication only while the request is pending, unique; decided requests hold null, and nulls never collide.
alter table renewal_request add column pending_medication_id uuid
    generated always as (case when status = 'PENDING' then medication_id end);
create unique index renewal_request_one_pending on renewal_request (pending_medication_id);
