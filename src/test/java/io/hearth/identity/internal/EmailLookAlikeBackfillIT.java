package io.hearth.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Addresses stored before V47 get their look-alike index when the portal starts; a look-alike among them is kept unindexed. */
@PortalTest
class EmailLookAlikeBackfillIT {

    static final String PASSWORD = "copper-meadow-lantern-64";

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    EmailIndex emailIndex;

    @Autowired
    EmailLookAlikeBackfill backfill;

    @Test
    void theOlderAddressIsIndexedTheLookAlikeIsKeptAndANewLookAlikeIsRefused() {
        people.create("older.address", "Olga Older", PASSWORD, Role.PATIENT);
        people.create("later.address", "Lars Later", PASSWORD, Role.PATIENT);
        people.create("newest.address", "Nell Newest", PASSWORD, Role.PATIENT);
        accounts.changeEmail("older.address", "demo.admin@clinic.example");
        UUID later = accounts.idOf("later.address").orElseThrow();
        // as the database was before V47: no look-alike indexes, and an address that looks like the older one's
        String lookAlike = "demo.\u0251dmin@clinic.example";
        jdbc.update("update account set email_ciphertext = ?, email_index = ? where id = ?",
                cipher.encrypt(lookAlike, Account.EMAIL.at(later)), emailIndex.of(lookAlike), later);
        jdbc.update("update account set email_skeleton_index = null");

        backfill.run(null);

        assertThat(indexOf("older.address")).isEqualTo(emailIndex.lookAlikeOf("demo.admin@clinic.example"));
        assertThat(indexOf("later.address")).as("kept, unindexed").isNull();
        assertThat(accounts.emailOf("later.address")).contains(lookAlike);
        assertThatThrownBy(() -> accounts.changeEmail("newest.address", "demo.adm\u0131n@clinic.example"))
                .isInstanceOf(AccountRejectedException.class).hasMessage("identity.refused.emailTaken");
    }

    private String indexOf(String username) {
        return jdbc.queryForObject("select email_skeleton_index from account where username_key = ?", String.class, username);
    }
}
