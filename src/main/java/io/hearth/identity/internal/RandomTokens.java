package io.hearth.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** 256 random bits, URL-safe: the secret in every link and cookie identity hands out (kept only as a hash). */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
