package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the addresses stored before V47 their look-alike index (V47 could not: they are encrypted). An address that
 * looks like one already indexed keeps none, like a look-alike username, and is looked at again at the next start;
 * each row is set on its own, only while its address is unchanged, so nodes starting together do not collide.
 */
@Component
@ConditionalOnWebApplication
class EmailLookAlikeBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmailLookAlikeBackfill.class);

    private record Stored(UUID id, byte[] emailCiphertext, String emailIndex) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final EmailIndex emailIndex;

    EmailLookAlikeBackfill(JdbcClient jdbc, FieldCipher cipher, EmailIndex emailIndex) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.emailIndex = emailIndex;
    }

    @Override
    public void run(ApplicationArguments args) {
        var pending = jdbc.sql("""
                select id, email_ciphertext, email_index from account
                where email_skeleton_index is null and email_ciphertext is not null order by created_at, id""")
                .query(Stored.class).list();
        int lookAlikes = 0;
        for (Stored stored : pending) {
            String lookAlike = emailIndex.lookAlikeOf(cipher.decrypt(stored.emailCiphertext(), Account.EMAIL.at(stored.id())));
            if (!indexed(stored, lookAlike)) {
                lookAlikes++;
            }
        }
        if (lookAlikes > 0) {
            log.warn("{} accounts keep an email address that looks like another account's (see the README, look-alike sign-in names)", lookAlikes);
        }
    }

    private boolean indexed(Stored stored, String lookAlike) {
        try {
            return jdbc.sql("""
                    update account set email_skeleton_index = :lookAlike
                    where id = :id and email_index = :emailIndex and email_skeleton_index is null
                      and not exists (select 1 from account other where other.email_skeleton_index = :lookAlike)""")
                    .param("lookAlike", lookAlike).param("id", stored.id()).param("emailIndex", stored.emailIndex()).update() > 0;
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            return false;
        }
    }
}
