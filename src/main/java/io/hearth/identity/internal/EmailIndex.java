package io.hearth.identity.internal;

import io.hearth.crypto.BlindIndex;
import io.hearth.identity.Usernames;
import org.springframework.stereotype.Component;

/**
 * The keyed look-up indexes of an email address: the exact one, normalised like usernames (NFKC, trimmed, lower case),
 * for sign-in and uniqueness; and the look-alike one, of the local part's confusable skeleton (see {@link Usernames})
 * with the domain as typed, so an address that looks like another account's sign-in name is refused as taken.
 */
@Component
class EmailIndex {

    private final BlindIndex blindIndex;

    EmailIndex(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    String of(String email) {
        return blindIndex.of("account.email", Usernames.key(email));
    }

    String lookAlikeOf(String email) {
        String key = Usernames.key(email);
        int at = key.lastIndexOf('@');
        return blindIndex.of("account.email-skeleton", Usernames.skeleton(key.substring(0, at)) + key.substring(at));
    }

    /** Whether the part before the @ keeps to one script, as a username must. */
    static boolean localPartInOneScript(String email) {
        String key = Usernames.key(email);
        return Usernames.singleScript(key.substring(0, key.lastIndexOf('@')));
    }
}
