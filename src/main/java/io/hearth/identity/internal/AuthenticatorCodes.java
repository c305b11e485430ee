package io.hearth.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** RFC 6238 codes: 6 digits, 30-second steps, HMAC-SHA1 (what every authenticator app speaks), ±1 step of drift. */
final class AuthenticatorCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthenticatorCodes() {
    }

    /** A new 160-bit secret, Base32 as authenticator apps expect it. */
    static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    static long stepOf(Instant time) {
        return time.getEpochSecond() / STEP.getSeconds();
    }

    static String codeAt(String base32Secret, long step) {
        try {
            var key = new SecretKeySpec(new Base32().decode(base32Secret), GENERATOR.getAlgorithm());
            return GENERATOR.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step the code belongs to (now, one before or one after), if it is right. */
    static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (java.security.MessageDigest.isEqual(codeAt(base32Secret, step).getBytes(), digits.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
