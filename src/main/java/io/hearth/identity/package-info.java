/**
 * Accounts, sign-in with a password and a second factor (authenticator app, recovery codes, email code, passkeys),
 * lockout and throttling, password rules and age, sessions, roles, and who is asking: the {@link io.hearth.identity.Caller}
 * of each request, resolved once ({@link io.hearth.identity.Callers}; a controller takes it as a parameter).
 *
 * <p>The one design decision to know: the security filter chain ({@code web.WebSecurity}) names no feature. It applies
 * its own paths (sign-in, second factor, passkey registration), the role areas ({@code /my/**}, {@code /admin/**},
 * {@code /audit/**}, {@code /security/**}) and then every module's {@link io.hearth.identity.PageRules}; whether a caller
 * may see a given patient's data is not a URL question and is answered by {@code io.hearth.records.PatientAccess}.
 */
package io.hearth.identity;
