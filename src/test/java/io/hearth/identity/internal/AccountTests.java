package io.hearth.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import io.hearth.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountTests {

    private static final FieldCipher PLAIN = new FieldCipher() {
        @Override
        public byte[] encrypt(String plaintext, FieldContext context) {
            return plaintext.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decrypt(byte[] ciphertext, FieldContext context) {
            return new String(ciphertext, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encryptBytes(byte[] plaintext, FieldContext context) {
            return plaintext;
        }

        @Override
        public byte[] decryptBytes(byte[] ciphertext, FieldContext context) {
            return ciphertext;
        }

        @Override
        public byte[] reencrypt(byte[] ciphertext, FieldContext context) {
            return ciphertext;
        }

        @Override
        public int primaryKeyId() {
            return 1;
        }
    };

    private final Instant created = Instant.parse("2026-01-01T09:00:00Z");
    private final Account account = new Account("someone", "Some One", "hash", EnumSet.of(Role.PATIENT), created, PLAIN);

    @Test
    void thePasswordExpiresAtItsMaximumAge() {
        assertThat(account.passwordExpired(created.plus(Duration.ofDays(60)).minusSeconds(1), Duration.ofDays(60))).isFalse();
        assertThat(account.passwordExpired(created.plus(Duration.ofDays(60)), Duration.ofDays(60))).isTrue();
    }

    @Test
    void aZeroMaximumAgeSwitchesTheRuleOff() {
        assertThat(account.passwordExpired(created.plus(Duration.ofDays(3650)), Duration.ZERO)).isFalse();
    }

    @Test
    void aChangedPasswordStartsItsAgeAgain() {
        account.changePassword("new-hash", created.plus(Duration.ofDays(59)));

        assertThat(account.passwordExpired(created.plus(Duration.ofDays(100)), Duration.ofDays(60))).isFalse();
    }

    @Test
    void eachAuthenticatorTimeStepWorksOnce() {
        account.enrolAuthenticatorApp("SECRET", 100, PLAIN);

        assertThat(account.useTimeStep(100)).isFalse();
        assertThat(account.useTimeStep(101)).isTrue();
        assertThat(account.useTimeStep(101)).isFalse();
        assertThat(account.useTimeStep(99)).isFalse();
    }
}
