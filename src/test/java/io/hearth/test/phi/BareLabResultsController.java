package io.hearth.test.phi;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only baseline for the benchmark: the same 50 rows the lab-results page shows, straight from the table as JSON,
 * with no session, no audit entry, no decryption, no templating.
 */
@RestController
@Profile("phi-driver")
class BareLabResultsController {

    private final JdbcTemplate jdbc;

    BareLabResultsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/test/phi/records/{patient}/lab-results")
    List<Map<String, Object>> labResults(@PathVariable UUID patient) {
        return jdbc.query("""
                select id, kind, encounter_id, parent_id, category, status, code_key, effective_at, details_ciphertext from record_entry
                where patient_id = ? and kind = 'OBSERVATION' and category = 'laboratory' order by effective_at desc nulls last, id limit 50""",
                (row, n) -> Map.of("id", row.getObject("id"), "parent", String.valueOf(row.getObject("parent_id")),
                        "status", String.valueOf(row.getString("status")), "effective", row.getTimestamp("effective_at").toInstant().toString(),
                        "details", Base64.getEncoder().encodeToString(row.getBytes("details_ciphertext"))), patient);
    }
}
