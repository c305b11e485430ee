-- One row per patient who has booked online, made on first use and locked (select ... for update) by each booking of
-- that patient until it commits: bookings by the same patient then count the upcoming appointments one after another,
-- so hearth.appointments.max-upcoming-per-patient holds however many arrive at once. Holds no data but the random id.
create table appointment_patient_lock (
    patient_id uuid not null primary key
);
