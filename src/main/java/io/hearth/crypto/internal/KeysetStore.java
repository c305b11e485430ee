package io.hearth.crypto.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The crypto_keyset table: each keyset encrypted under the master key, with an optimistic-lock version. */
class KeysetStore {

    record Stored(String name, String encryptedKeyset, long version) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    KeysetStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> find(String name) {
        return jdbc.sql("select name, encrypted_keyset, version from crypto_keyset where name = ?")
                .param(name)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    Optional<Long> version(String name) {
        return jdbc.sql("select version from crypto_keyset where name = ?").param(name).query(Long.class).optional();
    }

    /** @return false when another process inserted the keyset first */
    boolean insert(String name, String encryptedKeyset) {
        try {
            jdbc.sql("insert into crypto_keyset (name, encrypted_keyset, updated_at, version) values (?, ?, ?, 0)")
                    .params(name, encryptedKeyset, now())
                    .update();
            return true;
        } catch (DuplicateKeyException lostTheRace) {
            return false;
        }
    }

    /** @return false when the keyset changed since {@code expectedVersion} was read */
    boolean update(String name, String encryptedKeyset, long expectedVersion) {
        return jdbc.sql("update crypto_keyset set encrypted_keyset = ?, updated_at = ?, version = version + 1 where name = ? and version = ?")
                .params(encryptedKeyset, now(), name, expectedVersion)
                .update() == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
