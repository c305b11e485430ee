-- A staff account points at its Practitioner in the health record (io.hearth.records); the records module decides
-- which patients that practitioner cares for. Not unique: a practitioner record could be shared by a locum's accounts.
alter table account add column practitioner_id uuid;
create index account_practitioner_id on account (practitioner_id);
