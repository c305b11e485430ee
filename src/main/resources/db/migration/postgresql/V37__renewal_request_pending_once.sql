-- One pending renewal request per medication, whatever races: a second insert fails and the portal shows the first.
create unique index renewal_request_one_pending on renewal_request (medication_id) where status = 'PENDING';
