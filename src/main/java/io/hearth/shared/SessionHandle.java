package io.hearth.shared;

/**
 * How Hearth names a session anywhere but in its cookie: in the audit trail and on the user's Sessions page. A hash
 * of the id, so it identifies the session without being able to take it over.
 */
public final class SessionHandle {

    private SessionHandle() {
    }

    public static String of(String sessionId) {
        return Sha256.hex("session:" + sessionId).substring(0, 32);
    }
}
