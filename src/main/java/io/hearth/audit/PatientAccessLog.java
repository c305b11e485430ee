package io.hearth.audit;

import java.util.List;
import java.util.UUID;

/** Who at the practice touched a patient's record, newest first. The patient's own actions are not listed. */
public interface PatientAccessLog {

    List<PatientAccess> page(UUID patientId, String patientUsername, int page, int size);
}
