package io.hearth.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param password the password policy
 */
@ConfigurationProperties("hearth.identity")
public record IdentityProperties(@DefaultValue Password password) {

    /**
     * @param minLength shortest accepted password, in characters after Unicode normalisation
     * @param maxLength longest accepted password; never truncated, refused above this
     * @param minScore lowest accepted nbvcxz strength score (0 to 4)
     */
    public record Password(
            @DefaultValue("12") int minLength,
            @DefaultValue("256") int maxLength,
            @DefaultValue("3") int minScore) {
    }
}
