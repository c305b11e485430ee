package io.hearth.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.IdentityProperties;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(new IdentityProperties(new IdentityProperties.Password(12, 256, 3, java.time.Duration.ofDays(60), 5), null, null, null, null, null, null));

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThatCode(() -> policy.check("harbor lantern quilt morning", "alice", "Alice Smith")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThatThrownBy(() -> policy.check("Tr0ub4dor&3", "alice")).isInstanceOf(AccountRejectedException.class)
                .satisfies(refused -> assertThat(String.valueOf(((AccountRejectedException) refused).getArguments()[0])).contains("at least 12"));
        assertThatCode(() -> policy.check("ñandú-pingüino-río", "alice")).doesNotThrowAnyException();
    }

    @Test
    void refusesCommonAndGuessablePasswords() {
        assertThatThrownBy(() -> policy.check("password1234", "alice")).isInstanceOf(AccountRejectedException.class)
                .satisfies(refused -> assertThat(String.valueOf(((AccountRejectedException) refused).getArguments()[0])).contains("too easy to guess"));
        assertThatThrownBy(() -> policy.check("qwertyuiop123", "alice")).isInstanceOf(AccountRejectedException.class);
        assertThatThrownBy(() -> policy.check("aaaaaaaaaaaaaaaa", "alice")).isInstanceOf(AccountRejectedException.class);
    }

    @Test
    void refusesPasswordsContainingTheUsersOwnNames() {
        assertThatThrownBy(() -> policy.check("zebulonharrow-violin-77", "zebulon.harrow", "Zebulon Harrow"))
                .isInstanceOf(AccountRejectedException.class).satisfies(refused -> assertThat(String.valueOf(((AccountRejectedException) refused).getArguments()[0])).contains("name"));
    }

    @Test
    void refusesOverlongPasswordsInsteadOfTruncating() {
        String tooLong = "correct horse battery staple ".repeat(10);
        assertThatThrownBy(() -> policy.check(tooLong, "alice")).isInstanceOf(AccountRejectedException.class)
                .satisfies(refused -> assertThat(String.valueOf(((AccountRejectedException) refused).getArguments()[0])).contains("at most 256"));
    }

    @Test
    void normalisesUnicodeSoTheSamePasswordMatchesOnEveryKeyboard() {
        String composed = "caf\u00e9-lantern-harbor";
        String decomposed = "cafe\u0301-lantern-harbor";
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.normalise(decomposed.toCharArray()))
                .isEqualTo(PasswordPolicy.normalise(composed.toCharArray()));
    }
}
