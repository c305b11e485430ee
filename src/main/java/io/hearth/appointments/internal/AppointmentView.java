package io.hearth.appointments.internal;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * An appointment as a page shows it, times in the practice's zone; PHI, so its {@code toString} says nothing.
 *
 * @param patientName null when the reader may not see whose appointment it is (busy time in a clinician's view)
 * @param past whether it has ended, or was cancelled or missed
 * @param changeable whether the patient may still cancel or move it online
 * @param waiting whether it is on the wait list for an earlier time
 */
public record AppointmentView(UUID id, UUID patientId, String patientName, UUID typeId, String typeName, Booking booking, UUID practitionerId,
        String providerName, String locationName, String locationAddress, ZonedDateTime starts, ZonedDateTime ends, AppointmentStatus status,
        String reason, String cancelReason, boolean cancelledByPractice, boolean past, boolean changeable, boolean waiting) {

    @Override
    public String toString() {
        return "AppointmentView[" + id + ", " + status + "]";
    }
}
