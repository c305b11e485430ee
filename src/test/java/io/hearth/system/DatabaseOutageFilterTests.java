package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503) rather than a fault of the request or the code (500). */
class DatabaseOutageFilterTests {

    @Test
    void aConnectionThatCannotBeHadOrWasLostIsAnOutage() {
        assertThat(DatabaseOutageFilter.databaseUnreachable(new ServletException("Request processing failed",
                new CannotCreateTransactionException("Could not open JPA EntityManager", new SQLTransientConnectionException("timed out"))))).isTrue();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedOnTheBrokenConnectionIsAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back JDBC transaction");
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("I/O error"));
        assertThat(DatabaseOutageFilter.databaseUnreachable(rollback)).isTrue();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void faultsOfTheStatementOrTheDataAreNot() {
        assertThat(DatabaseOutageFilter.databaseUnreachable(new BadSqlGrammarException("select", "selct 1", new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to commit against JDBC Connection", new SQLException("deferred constraint", "23503"))))).isFalse();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new TransactionSystemException("Could not commit"))).isFalse();
        assertThat(DatabaseOutageFilter.databaseUnreachable(new IllegalStateException("boom"))).isFalse();
    }
}
