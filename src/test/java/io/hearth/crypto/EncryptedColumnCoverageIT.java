package io.hearth.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Key rotation reaches every encrypted column there is: the covered set is compared with the database's own list of
 * ciphertext columns, so a column added by a migration and not declared as an {@link EncryptedColumn} fails here
 * (as {@code account.email}, {@code account.totp_secret}, {@code appointment.reason} and
 * {@code appointment.cancel_reason} did, until rotation found the declared columns by itself).
 */
@PortalTest
class EncryptedColumnCoverageIT {

    /**
     * Encrypted values deliberately outside rotation, with the reason. None is named {@code *_ciphertext}; they are
     * listed so a reader sees every ciphertext the database holds.
     */
    static final Map<String, String> OUTSIDE = Map.of(
            "spring_session_attributes.attribute_bytes", "a session lives at most 12 hours and is rewritten under the current key when it changes",
            "crypto_keyset.encrypted_keyset", "the key sets themselves, wrapped by the master key rather than by a field key");

    @Autowired
    KeyRotation rotation;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyCiphertextColumnInTheDatabaseIsReachedByKeyRotation() {
        Set<String> inDatabase = new TreeSet<>(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and column_name like '%\\_ciphertext' escape '\\'""", String.class));

        assertThat(inDatabase).as("the schema has ciphertext columns at all").hasSizeGreaterThanOrEqualTo(16);
        assertThat(new TreeSet<>(rotation.targets())).isEqualTo(inDatabase);
    }

    @Test
    void theValuesLeftOutAreReallyThereAndNamedOtherwise() {
        for (String outside : OUTSIDE.keySet()) {
            String[] parts = outside.split("\\.");
            List<String> found = jdbc.queryForList("""
                    select column_name from information_schema.columns
                    where table_schema = current_schema() and table_name = ? and column_name = ?""", String.class, parts[0], parts[1]);
            assertThat(found).as(outside).hasSize(1);
            assertThat(rotation.targets()).doesNotContain(outside);
        }
    }
}
