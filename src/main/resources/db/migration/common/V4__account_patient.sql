-- A patient's account points at their patient record (set at activation; the health-record import fills records in).
alter table account add column patient_id uuid;
create unique index account_patient_id on account (patient_id);
