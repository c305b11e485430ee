package io.hearth.identity.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.IdentityProperties;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether patients may get a one-time sign-in code by email. The configuration
 * ({@code hearth.identity.email-code.enabled}) decides whether the option exists at all; where it does, an
 * administrator switches it off and on at run time, for every node at once (the state is in the database).
 */
@Service
public class EmailCodeSwitch {

    static final String NAME = "email-code";

    private final JdbcClient jdbc;
    private final IdentityProperties identity;
    private final AuditLog audit;
    private final Clock clock;

    EmailCodeSwitch(JdbcClient jdbc, IdentityProperties identity, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** False when the configuration rules the code out; an administrator cannot switch it on then. */
    public boolean allowedByConfiguration() {
        return identity.emailCode().enabled();
    }

    public boolean on() {
        return allowedByConfiguration() && jdbc.sql("SELECT enabled FROM sign_in_switch WHERE name = ?").param(NAME)
                .query(Boolean.class).optional().orElse(true);
    }

    /**
     * Switches the code on or off, audited.
     *
     * @throws IllegalStateException when switching on what the configuration rules out
     */
    @Transactional
    public void set(boolean on, Actor by) {
        if (on && !allowedByConfiguration()) {
            throw new IllegalStateException("The configuration switches sign-in codes by email off.");
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO sign_in_switch (name, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(NAME, on, now, by.id()).update();
        jdbc.sql("UPDATE sign_in_switch SET enabled = ?, changed_at = ?, changed_by = ? WHERE name = ?").params(on, now, by.id(), NAME).update();
        audit.recordAfterCommit(AuditEvent.of(AuditAction.SETTING_CHANGED, AuditOutcome.SUCCESS).by(by)
                .object("setting", NAME).because(on ? "on" : "off"));
    }
}
