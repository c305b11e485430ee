package io.hearth.test;

import io.hearth.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the audit trail as a test sees it: after every entry recorded so far has joined the chain. */
public final class TestAudit {

    private final AuditTrail trail;
    private final JdbcTemplate jdbc;

    TestAudit(AuditTrail trail, JdbcTemplate jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    /** How many chained entries have this action. */
    public long count(String action) {
        trail.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    /** Waits until every entry recorded so far is in the chain, before a test reads audit_entry itself. */
    public void awaitChained() {
        trail.awaitChained();
    }
}
