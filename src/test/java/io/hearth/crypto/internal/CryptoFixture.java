package io.hearth.crypto.internal;

import io.hearth.crypto.FieldCipher;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crypto module without Spring: an in-memory H2 database in PostgreSQL mode migrated by Flyway, and a data
 * folder. A second fixture over the same database and folder plays a restarted portal or a command-line process.
 */
final class CryptoFixture {

    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final Argon2Kdf.Cost CHEAP = new Argon2Kdf.Cost(1024, 1, 1);

    final Path dataDir;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final MovableClock clock;
    final Keysets keysets;
    final FieldCipher fields;
    final TinkBlindIndex blindIndex;
    final TinkEncryptedFiles files;

    private CryptoFixture(Path dataDir, DataSource dataSource, MovableClock clock, char[] passphrase) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        var masterKey = new PassphraseMasterKeySource(dataDir.resolve("keys"), passphrase, CHEAP, new SecureRandom());
        this.keysets = new Keysets(new KeysetStore(jdbc, clock), masterKey, clock);
        this.fields = new TinkFieldCipher(keysets);
        this.blindIndex = new TinkBlindIndex(keysets);
        this.files = new TinkEncryptedFiles(keysets, dataDir.resolve("files"), new SecureRandom());
    }

    static CryptoFixture start(Path dataDir) {
        return new CryptoFixture(dataDir, migratedDatabase(), new MovableClock(), PASSPHRASE);
    }

    /** The same database and data folder, as a restarted process would see them. */
    CryptoFixture restart(char[] passphrase) {
        return new CryptoFixture(dataDir, dataSource, clock, passphrase);
    }

    KeysetStore store() {
        return new KeysetStore(jdbc, clock);
    }

    TinkKeyRotation rotation(List<io.hearth.crypto.ReencryptionTarget> targets) {
        return new TinkKeyRotation(keysets, fields, () -> targets, () -> new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /**
     * H2 in PostgreSQL mode by default; with HEARTH_CRYPTO_TEST_POSTGRES set to {@code jdbc-url user password}, a
     * fresh schema in that PostgreSQL database per fixture, to check the migration and the SQL there too.
     */
    static DataSource migratedDatabase() {
        String postgres = System.getenv("HEARTH_CRYPTO_TEST_POSTGRES");
        if (postgres != null && !postgres.isBlank()) {
            String[] parts = postgres.trim().split("\\s+");
            String schema = "crypto_" + UUID.randomUUID().toString().replace("-", "");
            var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), parts[0] + "?currentSchema=" + schema, parts[1], parts[2]);
            Flyway.configure().dataSource(dataSource).schemas(schema)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .placeholders(java.util.Map.of("app_role", parts[1])).load().migrate();
            return dataSource;
        }
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:crypto-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        return dataSource;
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-15T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
