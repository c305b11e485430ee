-- Dormant accounts (io.hearth.identity): when an account last completed a sign-in, and why a disabled account is
-- disabled (DORMANT: nobody signed in for the configured time; ADMIN: an administrator), for the dormancy report.
alter table account add column last_signed_in_at timestamp(6) with time zone;
alter table account add column disabled_for varchar(10);
