package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Passkeys through Spring Security's endpoints, over HTTPS (the browser test does the real ceremony): the relying
 * party comes from the base URL, user verification is required, registration needs the password again, removal goes
 * only through the security page, and the store is audited and tells the owner.
 */
@PortalTest
class PasskeyIT {

    static final String PASSWORD = "cobalt-heron-window-58";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAudit audit;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Test
    void theRelyingPartyIsTheConfiguredBaseUrlAndUserVerificationIsRequired() {
        people.create("rp.user", "Rp User", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);

        HttpResponse<String> signIn = client.postJson("/signin", "/webauthn/authenticate/options", "");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"rpId\":\"portal.test\"", "\"userVerification\":\"required\"").doesNotContain("localhost");

        client.signIn("rp.user", PASSWORD);
        client.submit("/account/security", "/account/security/passkeys", "name=Phone&currentPassword=" + PASSWORD);
        HttpResponse<String> register = client.postJson("/account/security", "/webauthn/register/options", "");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).contains("\"id\":\"portal.test\"", "\"name\":\"Hearth Family Practice\"",
                "\"userVerification\":\"required\"", "\"residentKey\":\"required\"").doesNotContain("localhost");
    }

    @Test
    void theRegistrationEndpointOpensOnlyForAFewMinutesAfterThePasswordIsTypedAgain() {
        people.create("door.user", "Wendy Door", PASSWORD, Role.NURSE);
        PortalClient anonymous = new PortalClient(port);
        assertThat(anonymous.postJson("/signin", "/webauthn/register", "{}").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
        PortalClient passwordOnly = new PortalClient(port);
        passwordOnly.signInPasswordOnly("door.user", PASSWORD);
        assertThat(passwordOnly.postJson("/signin/second-factor", "/webauthn/register", "{}").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/signin/second-factor"));

        PortalClient client = new PortalClient(port);
        client.signIn("door.user", PASSWORD);
        assertThat(client.postJson("/account/security", "/webauthn/register", "{}").statusCode()).as("no password typed").isEqualTo(403);

        HttpResponse<String> confirmed = client.submit("/account/security", "/account/security/passkeys",
                "name=Office+key&currentPassword=" + PASSWORD);
        assertThat(confirmed.body()).contains("Add a passkey", "Office key", "/js/passkeys.js");
        assertThat(client.postJson("/account/security", "/webauthn/register/options", "").statusCode()).isEqualTo(200);
        // past authorization: Spring's filter now reads the (empty) registration and refuses it as malformed
        assertThat(client.postJson("/account/security", "/webauthn/register", "{\"publicKey\":{\"label\":\"Office key\"}}").statusCode())
                .isEqualTo(400);

        TestClock.INSTANCE.advance(Duration.ofMinutes(6));
        assertThat(client.postJson("/account/security", "/webauthn/register", "{}").statusCode()).as("window closed").isEqualTo(403);
        assertThat(client.postJson("/account/security", "/webauthn/register/options", "").statusCode()).as("window closed").isEqualTo(403);
    }

    @Test
    void beforeTheSecondFactorOrThePasswordAgainNoRegistrationOptionsAreGiven() {
        people.create("early.user", "Early User", PASSWORD, Role.PATIENT);
        PortalClient passwordOnly = new PortalClient(port);
        passwordOnly.signInPasswordOnly("early.user", PASSWORD);
        assertThat(passwordOnly.postJson("/signin/second-factor", "/webauthn/register/options", "").statusCode()).isEqualTo(403);

        PortalClient client = new PortalClient(port);
        client.signIn("early.user", PASSWORD);
        assertThat(client.postJson("/account/security", "/webauthn/register/options", "").statusCode()).isEqualTo(403);
    }

    @Test
    void aRegistrationCarriesOnlyTheNameGivenWithThePasswordAndIsOfBoundedSize() {
        people.create("label.user", "Label User", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("label.user", PASSWORD);
        client.submit("/account/security", "/account/security/passkeys", "name=Office+key&currentPassword=" + PASSWORD);

        String otherName = "{\"publicKey\":{\"label\":\"" + "x".repeat(2000) + "\",\"credential\":{}}}";
        assertThat(client.postJson("/account/security", "/webauthn/register", otherName).statusCode()).isEqualTo(400);
        assertThat(client.postJson("/account/security", "/webauthn/register", "not json").statusCode()).isEqualTo(400);
        String huge = "{\"publicKey\":{\"label\":\"Office key\",\"credential\":\"" + "A".repeat(70_000) + "\"}}";
        assertThat(client.postJson("/account/security", "/webauthn/register", huge).statusCode()).isEqualTo(413);
        assertThat(passkeyCredentials.findByUserId(passkeyUsers.findByUsername("label.user") == null
                ? Bytes.random() : passkeyUsers.findByUsername("label.user").getId())).isEmpty();
    }

    @Test
    void theWebAuthnDeleteEndpointIsClosed() {
        people.create("delete.user", "Delete User", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("delete.user", PASSWORD);
        String token = PortalClient.csrfToken(client.get("/account/security").body());

        HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + port + "/webauthn/register/AAAA"))
                .header("X-CSRF-TOKEN", token).DELETE().build());

        assertThat(deleted.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordsWhenAddingOrRemovingAPasskeyLockTheAccount() {
        people.create("guess.user", "Guess User", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("guess.user", PASSWORD);
        long locks = audit.count("ACCOUNT_LOCKED");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = client.submit("/account/security", "/account/security/passkeys", "name=Phone&currentPassword=guess-" + i);
            assertThat(refused.body()).contains("Your password is not right.").doesNotContain("passkey-new-heading");
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = client.submit("/account/security", "/account/security/passkeys/remove", "passkey=AAAA&currentPassword=guess-" + i);
            assertThat(refused.body()).contains("Your password is not right.");
        }

        assertThat(audit.count("ACCOUNT_LOCKED")).isEqualTo(locks + 1);
        PortalClient later = new PortalClient(port);
        assertThat(later.signInPasswordOnly("guess.user", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    @Test
    void aNewPasskeyIsAuditedAndToldToItsOwnerWhoAloneCanRemoveIt() throws Exception {
        people.create("owner.user", "Olive Owner", PASSWORD, Role.PATIENT);
        people.create("other.user", "Otto Other", PASSWORD, Role.PATIENT);
        accounts.changeEmail("owner.user", "olive@example.test");
        long changes = audit.count("SECOND_FACTOR_CHANGED");
        Instant now = TestClock.INSTANCE.instant();

        Bytes credentialId = register("owner.user", "Kitchen tablet");

        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isEqualTo(changes + 1);
        assertThat(TestMail.messagesTo("olive@example.test", 1)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("A way of signing in to your Hearth Family Practice account was changed");
            assertThat(GreenMailUtil.getBody(mail)).doesNotContain("Kitchen tablet");
        });
        assertThat(passkeyCredentials.findByCredentialId(credentialId).getCreated()).as("dated by the portal's clock")
                .isBetween(now, TestClock.INSTANCE.instant());

        PortalClient other = new PortalClient(port);
        other.signIn("other.user", PASSWORD);
        assertThat(other.get("/account/security").body()).doesNotContain("Kitchen tablet");
        HttpResponse<String> refused = other.submit("/account/security", "/account/security/passkeys/remove",
                "passkey=" + credentialId.toBase64UrlString() + "&currentPassword=" + PASSWORD);
        assertThat(refused.body()).contains("That passkey is not on your account.");
        assertThat(passkeyCredentials.findByCredentialId(credentialId)).isNotNull();

        PortalClient owner = new PortalClient(port);
        owner.signIn("owner.user", PASSWORD);
        assertThat(owner.get("/account/security").body()).contains("Kitchen tablet");
        HttpResponse<String> removed = owner.submit("/account/security", "/account/security/passkeys/remove",
                "passkey=" + URLEncoder.encode(credentialId.toBase64UrlString(), StandardCharsets.UTF_8) + "&currentPassword=" + PASSWORD);

        assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/account/security?passkeyRemoved"));
        assertThat(passkeyCredentials.findByCredentialId(credentialId)).isNull();
        assertThat(owner.get("/account/security").body()).doesNotContain("Kitchen tablet");
        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isEqualTo(changes + 2);
        assertThat(TestMail.messagesTo("olive@example.test", 2)).hasSize(2);
    }

    @Test
    void refusedPasskeysCountTowardTheAddressThrottleOnly() {
        TestClock.INSTANCE.advance(Duration.ofMinutes(11)); // a fresh throttle window: every request here is from 127.0.0.1
        long failures = audit.count("SIGN_IN_FAILURE");
        PortalClient client = new PortalClient(port);
        for (int i = 0; i < 20; i++) {
            client.postJson("/signin", "/webauthn/authenticate/options", "");
            assertThat(client.postJson("/signin", "/login/webauthn", UNKNOWN_PASSKEY).statusCode()).isEqualTo(401);
        }
        assertThat(audit.count("SIGN_IN_FAILURE")).isEqualTo(failures + 20);

        client.postJson("/signin", "/webauthn/authenticate/options", "");
        assertThat(client.postJson("/signin", "/login/webauthn", UNKNOWN_PASSKEY).statusCode()).isEqualTo(401);

        assertThat(audit.count("SIGN_IN_FAILURE")).as("refused before it was checked").isEqualTo(failures + 20);
        TestClock.INSTANCE.advance(Duration.ofMinutes(11));
    }

    /** A well-formed assertion for a passkey the portal does not know. */
    static final String UNKNOWN_PASSKEY = """
            {"id":"AAAA","rawId":"AAAA","type":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform",
             "response":{"authenticatorData":"AAAA","clientDataJSON":"AAAA","signature":"AAAA","userHandle":"AAAA"}}""";

    /** What Spring Security's registration stores once the browser's attestation checks out (the key is a stand-in). */
    @Test
    void removingAPasskeySignsOutEveryOtherSessionAndRenewsThisOnesId() {
        people.create("passkey.remover", "Remy Remover", PASSWORD, Role.PATIENT);
        Bytes credentialId = register("passkey.remover", "Old phone");
        PortalClient here = new PortalClient(port);
        here.signIn("passkey.remover", PASSWORD);
        PortalClient there = new PortalClient(port);
        there.signIn("passkey.remover", PASSWORD);
        String before = here.cookieHeader();

        HttpResponse<String> removed = here.submit("/account/security", "/account/security/passkeys/remove",
                "passkey=" + URLEncoder.encode(credentialId.toBase64UrlString(), StandardCharsets.UTF_8) + "&currentPassword=" + PASSWORD);

        assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?passkeyRemoved"));
        assertThat(there.get("/").headers().firstValue("Location")).as("signed out there")
                .hasValueSatisfying(location -> assertThat(location).contains("/signin"));
        assertThat(here.cookieHeader()).as("a new session id here").isNotEqualTo(before);
        assertThat(here.get("/account/security").statusCode()).isEqualTo(200);
    }

    private Bytes register(String username, String name) {
        var user = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(username).displayName(username).build();
        passkeyUsers.save(user);
        Bytes credentialId = Bytes.random();
        passkeyCredentials.save(ImmutableCredentialRecord.builder()
                .credentialId(credentialId)
                .userEntityUserId(user.getId())
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
                .signatureCount(0)
                .uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.INTERNAL))
                .backupEligible(false)
                .backupState(false)
                .label(name)
                .build());
        return credentialId;
    }
}
