package io.hearth.appointments.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Caller;
import io.hearth.system.HearthProperties;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A patient's appointment as a calendar file; the download is audited as an export. */
@Service
public class CalendarExport {

    private final Schedules schedules;
    private final AuditLog audit;
    private final HearthProperties hearth;
    private final Clock clock;

    CalendarExport(Schedules schedules, AuditLog audit, HearthProperties hearth, Clock clock) {
        this.schedules = schedules;
        this.audit = audit;
        this.hearth = hearth;
        this.clock = clock;
    }

    public byte[] of(Caller who, UUID id) {
        AppointmentView appointment = schedules.one(who, id);
        byte[] file = CalendarFile.of(appointment, hearth.practiceName(), clock.instant());
        audit.record(AuditEvent.of(AuditAction.PHI_EXPORT, AuditOutcome.SUCCESS).by(who.actor()).patient(appointment.patientId())
                .object("appointment", id).because("calendar file"));
        return file;
    }
}
