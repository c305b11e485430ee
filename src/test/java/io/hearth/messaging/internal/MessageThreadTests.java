package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageThreadTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.000001Z");

    @Test
    void messagesOfAThreadGetStrictlyIncreasingTimesEvenWhenTheClockStandsStill() {
        MessageThread thread = thread();
        Instant first = thread.receive(NOW);
        Instant second = thread.receive(NOW);
        Instant third = thread.receive(NOW.minusSeconds(5));

        assertThat(first).isEqualTo(NOW);
        assertThat(second).isAfter(first);
        assertThat(third).isAfter(second);
    }

    @Test
    void aClosedThreadTakesNoMessageUntilReopened() {
        MessageThread thread = thread();
        thread.close();

        assertThatThrownBy(() -> thread.receive(NOW)).isInstanceOf(ThreadClosedException.class);
        thread.reopen();
        assertThat(thread.receive(NOW)).isEqualTo(NOW);
    }

    @Test
    void onlyACareTeamThreadNamesAProvider() {
        assertThatThrownBy(() -> new MessageThread(UUID.randomUUID(), Pool.BILLING, UUID.randomUUID(), "s", null, NOW, new PlainCipher()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageThread(UUID.randomUUID(), Pool.CARE_TEAM, null, "s", null, NOW, new PlainCipher()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textKeepsLineBreaksDropsOtherControlCharactersAndRefusesBlankOrLong() {
        assertThat(MessagingService.text("  a\r\nb\u0007\tc\n", 10, "k")).isEqualTo("a\nb\tc");
        assertThatThrownBy(() -> MessagingService.text(" \n ", 10, "k")).isInstanceOf(MessageRejectedException.class);
        assertThatThrownBy(() -> MessagingService.text("x".repeat(11), 10, "k")).isInstanceOf(MessageRejectedException.class);
    }

    private static MessageThread thread() {
        return new MessageThread(UUID.randomUUID(), Pool.BILLING, null, "subject", null, NOW.minusSeconds(60), new PlainCipher());
    }

    /** Encryption is not what these tests are about. */
    static final class PlainCipher implements io.hearth.crypto.FieldCipher {
        @Override
        public byte[] encrypt(String plaintext, io.hearth.crypto.FieldContext context) {
            return plaintext.getBytes();
        }

        @Override
        public String decrypt(byte[] ciphertext, io.hearth.crypto.FieldContext context) {
            return new String(ciphertext);
        }

        @Override
        public byte[] encryptBytes(byte[] plaintext, io.hearth.crypto.FieldContext context) {
            return plaintext;
        }

        @Override
        public byte[] decryptBytes(byte[] ciphertext, io.hearth.crypto.FieldContext context) {
            return ciphertext;
        }

        @Override
        public byte[] reencrypt(byte[] ciphertext, io.hearth.crypto.FieldContext context) {
            return ciphertext;
        }

        @Override
        public int primaryKeyId() {
            return 1;
        }
    }
}
