package io.hearth.identity.internal;

import io.hearth.crypto.BlindIndex;
import io.hearth.identity.Usernames;
import org.springframework.stereotype.Component;

/** The keyed look-up index of an email address, normalised like usernames (NFKC, trimmed, lower case). */
@Component
class EmailIndex {

    private final BlindIndex blindIndex;

    EmailIndex(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    String of(String email) {
        return blindIndex.of("account.email", Usernames.key(email));
    }
}
