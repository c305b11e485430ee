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
        String refusal = assess(normalisedPassword, personalWords).refusal();
        if (refusal != null) {
            // the strength estimate's own words (nbvcxz), in English for now: see PasswordPolicy.assess
            throw new AccountRejectedException("identity.refused.weakPassword", refusal);
        }
    }

    /**
     * How strong the password is (nbvcxz's 0 to 4) and, when the policy refuses it, why.
     *
     * @param refusal null when the password is acceptable
     */
    record Assessment(int score, String refusal) {
    }

    Assessment assess(String normalisedPassword, String... personalWords) {
        int length = normalisedPassword.codePointCount(0, normalisedPassword.length());
        if (length > settings.maxLength()) {
            return new Assessment(0, "The password must have at most " + settings.maxLength() + " characters.");
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
                        return new Assessment(0, "The password must not contain your name, username or email address.");
                    }
                }
            }
        }
        Result result = estimator(words).estimate(normalisedPassword);
        int score = result.getBasicScore();
        if (length < settings.minLength()) {
            return new Assessment(Math.min(score, 1), "The password must have at least " + settings.minLength() + " characters.");
        }
        if (score < settings.minScore()) {
            String warning = Objects.requireNonNullElse(result.getFeedback().getWarning(), "");
            return new Assessment(score, ("The password is too easy to guess. " + warning).strip());
        }
        return new Assessment(score, null);
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
