/**
 * Appointments: the practice's set-up (locations, appointment types, providers' weekly hours and time off), free times
 * computed from it, and bookings made by patients or staff, with requests, cancellations, a wait list for earlier
 * times and reminders.
 *
 * <h2>Time</h2>
 * Weekly hours and time off are kept in the practice's local time ({@code hearth.time-zone}); free times are computed
 * per day in that zone and stored as instants, so a provider's 09:00 stays 09:00 across daylight-saving changes, and
 * every page names the zone.
 *
 * <h2>No double booking</h2>
 * A booked appointment claims each slot unit of its provider's time in {@code slot_claim}, whose primary key admits one
 * appointment per provider and unit. Whatever the checks above it saw, two overlapping bookings cannot both commit;
 * the loser is told the time was just taken and sees fresh times.
 *
 * <h2>Who sees what</h2>
 * A patient sees their own appointments (others answer 404, audited). Front desk staff see the whole practice's
 * schedule; providers and nurses see their own schedule and the appointments of patients in their care team
 * ({@code io.hearth.records.CareTeams}); other appointments show only as busy time. Every read and change is audited
 * with the patient as the subject.
 */
package io.hearth.appointments;
