-- Appointments (io.hearth.appointments). The practice's set-up (locations, appointment types, providers' weekly hours
-- and time off) is not PHI and stays in clear. An appointment names a patient (random id), a practitioner (random id
-- of the directory), where, what kind and when, in clear: the schedule is queried by them. What the patient wrote
-- (the reason) and why the practice cancelled are encrypted with the row id bound in.
create table appointment_location (
    id         uuid         not null primary key,
    name       varchar(120) not null,
    address    varchar(300),
    active     boolean      not null
);

create table appointment_type (
    id                  uuid         not null primary key,
    name                varchar(120) not null,
    minutes             integer      not null check (minutes between 5 and 480),
    -- DIRECT: patients book a free time themselves; REQUEST: they ask for one, staff approve or propose another
    booking             varchar(10)  not null check (booking in ('DIRECT', 'REQUEST')),
    -- new-patient types may be booked with any provider, the others only with one of the patient's care team
    new_patients        boolean      not null,
    horizon_days        integer      not null check (horizon_days between 1 and 730),
    cancel_cutoff_hours integer      not null check (cancel_cutoff_hours between 0 and 720),
    active              boolean      not null
);

-- A provider's weekly hours at a location, in the practice's local time (so 09:00 stays 09:00 across daylight saving).
create table weekly_hours (
    id              uuid     not null primary key,
    practitioner_id uuid     not null,
    location_id     uuid     not null references appointment_location (id),
    day_of_week     smallint not null check (day_of_week between 1 and 7),
    starts          time     not null,
    ends            time     not null,
    check (ends > starts)
);
create index weekly_hours_practitioner on weekly_hours (practitioner_id);

-- Holidays and time off: whole days from first_day to last_day, or (with starts and ends) part of one day.
create table time_off (
    id              uuid         not null primary key,
    practitioner_id uuid         not null,
    first_day       date         not null,
    last_day        date         not null,
    starts          time,
    ends            time,
    reason          varchar(120) not null,
    check (last_day >= first_day),
    check ((starts is null and ends is null) or (starts is not null and ends is not null and ends > starts and first_day = last_day))
);
create index time_off_practitioner on time_off (practitioner_id, last_day);

create table appointment (
    id                      uuid                        not null primary key,
    patient_id              uuid                        not null,
    practitioner_id         uuid                        not null,
    location_id             uuid                        not null references appointment_location (id),
    type_id                 uuid                        not null references appointment_type (id),
    starts_at               timestamp(6) with time zone not null,
    ends_at                 timestamp(6) with time zone not null,
    -- REQUESTED, PROPOSED, BOOKED, CHECKED_IN, NO_SHOW, CANCELLED
    status                  varchar(12)                 not null,
    reason_ciphertext       bytea,
    cancel_reason_ciphertext bytea,
    cancelled_by            varchar(10),
    booked_by               varchar(320)                not null,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    reminder_sent_at        timestamp(6) with time zone,
    check (ends_at > starts_at)
);
create index appointment_patient on appointment (patient_id, starts_at);
create index appointment_practitioner on appointment (practitioner_id, starts_at);
create index appointment_due_reminder on appointment (status, starts_at);

-- What makes double booking impossible: a booked appointment claims each slot unit (hearth.appointments.slot-unit)
-- of its provider's time it covers, and the primary key lets only one appointment hold a unit. Two bookings of the
-- same or overlapping times cannot both commit, whatever the code above them checked.
create table slot_claim (
    practitioner_id uuid                        not null,
    unit_start      timestamp(6) with time zone not null,
    appointment_id  uuid                        not null references appointment (id),
    primary key (practitioner_id, unit_start)
);
create index slot_claim_appointment on slot_claim (appointment_id);

-- A patient with a booked appointment who would take an earlier time with the same provider.
create table wait_list_entry (
    id             uuid                        not null primary key,
    appointment_id uuid                        not null references appointment (id),
    patient_id     uuid                        not null,
    joined_at      timestamp(6) with time zone not null,
    active         boolean                     not null
);
create index wait_list_active on wait_list_entry (active, appointment_id);

-- An earlier time offered to a wait-list entry when one freed up; the first to accept gets it (the slot claim decides).
create table wait_list_offer (
    id          uuid                        not null primary key,
    entry_id    uuid                        not null references wait_list_entry (id),
    starts_at   timestamp(6) with time zone not null,
    offered_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    -- OPEN, ACCEPTED, TAKEN (someone else was faster), EXPIRED
    status      varchar(10)                 not null
);
create index wait_list_offer_entry on wait_list_offer (entry_id, status);
