package io.hearth.identity.internal;

import org.springframework.stereotype.Component;

/** The password policy's verdict while someone is still typing, for the strength meter on password forms. */
@Component
public class PasswordMeter {

    /** @param refusal why the policy would refuse it, or null when it would accept it */
    public record Reading(int score, String refusal) {
    }

    private final PasswordPolicy policy;

    PasswordMeter(PasswordPolicy policy) {
        this.policy = policy;
    }

    public Reading read(String password, String... personalWords) {
        PasswordPolicy.Assessment assessment = policy.assess(PasswordPolicy.normalise(password.toCharArray()), personalWords);
        return new Reading(assessment.score(), assessment.refusal());
    }
}
