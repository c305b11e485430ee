-- The patient's pages list one kind and category of records newest first (lab results, vital signs): an index in
-- exactly that order, so a page reads its rows from the index instead of sorting all of the patient's records.
create index record_entry_patient_category on record_entry (patient_id, kind, category, effective_at desc nulls last, id);
