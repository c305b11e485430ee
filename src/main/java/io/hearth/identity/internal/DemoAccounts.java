package io.hearth.identity.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (never with the prod profile): known accounts so a person can try every flow at once. The
 * credentials are printed at start-up on purpose; they are public in README.md too.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "harbor-lantern-quilt-42";
    /** Every demo account's authenticator secret: add it to any authenticator app by hand (it is public). */
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /** The demo patient's record; the health-record import will give it real (synthetic) content. */
    static final UUID DEMO_PATIENT = UUID.fromString("0d3f1c8e-5b7a-4e2f-9c61-2a4b8d7e6f01");
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Demo(String username, String displayName, Set<Role> roles) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo.patient", "Demo Patient", EnumSet.of(Role.PATIENT)),
            new Demo("demo.provider", "Dr. Demo Provider", EnumSet.of(Role.PROVIDER)),
            new Demo("demo.nurse", "Demo Nurse", EnumSet.of(Role.NURSE)),
            new Demo("demo.frontdesk", "Demo Front Desk", EnumSet.of(Role.FRONT_DESK)),
            new Demo("demo.billing", "Demo Billing", EnumSet.of(Role.BILLING)),
            new Demo("demo.admin", "Demo Administrator", EnumSet.of(Role.ADMIN)),
            new Demo("demo.security", "Demo Security Officer", EnumSet.of(Role.SECURITY_OFFICER)));

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final Clock clock;

    DemoAccounts(Accounts accounts, SecondFactors secondFactors, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder listing = new StringBuilder("Demo mode: sign in with any of these accounts, password '" + PASSWORD
                + "', authenticator key " + TOTP_SECRET + ":");
        for (Demo demo : ACCOUNTS) {
            if (!accounts.exists(demo.username())) {
                accounts.create(demo.username(), demo.displayName(), PASSWORD.toCharArray(), demo.roles());
                if (demo.roles().contains(Role.PATIENT)) {
                    accounts.linkPatient(demo.username(), DEMO_PATIENT);
                }
                // confirmed with the previous step's code, so the code on screen right now still works once
                long previousStep = AuthenticatorCodes.stepOf(clock.instant()) - 1;
                secondFactors.enrolAuthenticatorApp(demo.username(), TOTP_SECRET, AuthenticatorCodes.codeAt(TOTP_SECRET, previousStep));
            }
            listing.append(System.lineSeparator()).append("  ").append(demo.username()).append("  ").append(demo.roles());
        }
        log.info(listing.toString());
    }
}
