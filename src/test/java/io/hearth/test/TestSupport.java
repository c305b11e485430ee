package io.hearth.test;

import io.hearth.audit.AuditTrail;
import io.hearth.identity.Accounts;
import io.hearth.identity.SecondFactors;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every portal test context adds: the movable clock, test accounts and the audit trail as tests read it. */
@TestConfiguration(proxyBeanMethods = false)
class TestSupport {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.INSTANCE;
    }

    @Bean
    TestAccounts testAccounts(Accounts accounts, SecondFactors secondFactors, JdbcTemplate jdbc, io.hearth.patients.EmailConsent consent) {
        return new TestAccounts(accounts, secondFactors, jdbc, consent);
    }

    @Bean
    TestRecords testRecords(io.hearth.fhir.FhirImport fhirImport, io.hearth.records.HealthRecords records) {
        return new TestRecords(fhirImport, records);
    }

    @Bean
    TestAudit testAudit(AuditTrail trail, JdbcTemplate jdbc) {
        return new TestAudit(trail, jdbc);
    }
}
