package io.hearth.identity.internal;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.IdentityProperties;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style: length, no composition rules, never truncated, refused when it contains the person's own
 * names or when nbvcxz (which knows common and leaked passwords, keyboard walks, dates and leet) scores it weak.
 */
@Component
class PasswordPolicy {

    private final IdentityProperties.Password settings;

    PasswordPolicy(IdentityProperties properties) {
        this.settings = properties.password();
    }

    /** The form the password is hashed in: Unicode NFKC, so the same password typed on any keyboard matches. */
    static String normalise(char[] password) {
        return Normalizer.normalize(new String(password), Normalizer.Form.NFKC);
    }

    void check(String normalisedPassword, String... personalWords) {
        int length = normalisedPassword.codePointCount(0, normalisedPassword.length());
        if (length < settings.minLength()) {
            throw new AccountRejectedException("The password must have at least " + settings.minLength() + " characters.");
        }
        if (length > settings.maxLength()) {
            throw new AccountRejectedException("The password must have at most " + settings.maxLength() + " characters.");
        }
        String lower = normalisedPassword.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : personalWords) {
            if (word == null || word.isBlank()) {
                continue;
            }
            for (String part : word.toLowerCase(Locale.ROOT).split("[\\s@._-]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                    if (lower.contains(part)) {
                        throw new AccountRejectedException("The password must not contain your name, username or email address.");
                    }
                }
            }
        }
        Result result = estimator(words).estimate(normalisedPassword);
        if (result.getBasicScore() < settings.minScore()) {
            String warning = Objects.requireNonNullElse(result.getFeedback().getWarning(), "");
            throw new AccountRejectedException(("The password is too easy to guess. " + warning).strip());
        }
    }

    private Nbvcxz estimator(List<String> personalWords) {
        var dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (!personalWords.isEmpty()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("personal").setExclusion(true)
                    .addWords(personalWords, 0).createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setMaxLength(settings.maxLength())
                .createConfiguration());
    }
}
