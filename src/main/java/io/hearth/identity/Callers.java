package io.hearth.identity;

import org.springframework.security.core.Authentication;

/** Resolves the {@link Caller} of a request; web code gets it as a controller parameter, resolved once per request. */
public interface Callers {

    /** The caller this authentication belongs to; {@link Caller#nobody()} when nobody is signed in. */
    Caller of(Authentication authentication);
}
