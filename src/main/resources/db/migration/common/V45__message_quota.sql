-- Attachment bytes stored per patient (io.hearth.messaging.internal.AttachmentQuota), the patient's files and the
-- practice's replies together: the storing transaction adds to the row only while the sum stays within the quota, so
-- simultaneous messages of one patient take turns on it. Made at a patient's first attachment; here for everyone
-- who has some already.
create table message_quota (
    patient_id uuid primary key,
    used_bytes bigint not null
);
insert into message_quota (patient_id, used_bytes)
select patient_id, sum(size_bytes) from message_attachment group by patient_id;
