package io.hearth.identity.web;

import io.hearth.audit.AuditLog;
import io.hearth.identity.Accounts;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.identity.internal.AddressThrottle;
import io.hearth.identity.internal.DormantAccounts;
import io.hearth.identity.internal.Factors;
import io.hearth.identity.internal.KnownDevices;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Deny by default: a path is public only when listed here; everything else needs a signed-in user, and feature
 * modules add role rules for their own paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "upgrade-insecure-requests");

    /** Actuator endpoints live on a management port bound to 127.0.0.1 (metrics for the local scraper). */
    @Bean
    @Order(1)
    SecurityFilterChain managementSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * Every rule below also needs a second factor: the password and a code from the authenticator app, or the
     * password and a recovery code, or (patients only, where switched on) the password and a code sent by email; or a
     * passkey alone. The pages of the second step itself need only the password.
     *
     * <p>A passkey counts as both factors because user verification is required (see PasskeyConfiguration): the
     * private key never leaves the user's device (something you have) and the device releases a signature only after
     * the user's biometric or PIN (something you are or know). NIST SP 800-63B treats such a multi-factor
     * cryptographic authenticator as AAL2 on its own (AAL3 when it is hardware-bound), and it is phishing-resistant:
     * the signature is bound to our origin.
     */
    @Bean
    AuthorizationManagerFactory<RequestAuthorizationContext> multiFactorAuthorization() {
        var factory = new DefaultAuthorizationManagerFactory<RequestAuthorizationContext>();
        factory.setAdditionalAuthorization(AllRequiredFactorsAuthorizationManager.anyOf(
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.authority(Factors.AUTHENTICATOR_APP)).build(),
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.authority(Factors.RECOVERY_CODE)).build(),
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.passwordAuthority())
                        .requireFactor(factor -> factor.authority(Factors.EMAIL_CODE)).build(),
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(factor -> factor.webauthnAuthority()).build()));
        return factory;
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, SecondFactors secondFactors,
            ApplicationEventPublisher events, AddressThrottle throttle, Accounts accounts, Clock clock, IdentityProperties identity,
            KnownDevices devices, DormantAccounts dormancy, AuthorizationManagerFactory<RequestAuthorizationContext> signedIn,
            WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users, AuditLog audit, List<PageRules> pageRules) throws Exception {
        ProviderManager secondFactorManager = new ProviderManager(new SecondFactorAuthenticationProvider(secondFactors));
        secondFactorManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        var passwordOnly = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(Factors.PASSWORD);
        var secondStep = new LoginUrlAuthenticationEntryPoint(SecondFactorAuthenticationFilter.PATH);
        var passkeyManager = new ProviderManager(new PasskeyAuthenticationProvider(new WebAuthnAuthenticationProvider(relyingParty, users), users));
        passkeyManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        var requestCache = new PathOnlyRequestCache();
        var secondFactorFilter = new SecondFactorAuthenticationFilter(secondFactorManager);
        secondFactorFilter.setAuthenticationSuccessHandler(SignInCompletion.afterSecondStep(accounts, devices, dormancy, requestCache));
        http.addFilterBefore(new AddressThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(secondFactorFilter, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AbsoluteSessionTimeout(clock, identity.absoluteSessionTimeout(), audit), AuthorizationFilter.class)
                .addFilterBefore(new PasswordExpiry(), AuthorizationFilter.class)
                .addFilterBefore(new PasskeyRegistrationGuard(signedIn.authenticated(), clock), ExceptionTranslationFilter.class)
                .addFilterAfter(new AuditedAccessDenied(audit), ExceptionTranslationFilter.class)
                // where a person was going, kept for after the sign-in, by path: never the Host header the request named
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        // Spring's own answer (a 403 page), as before; CsrfFilter has no getter for the one it was given
                        filter.setAccessDeniedHandler(new AuditedCsrfRefusal(audit, new AccessDeniedHandlerImpl()));
                        return filter;
                    }
                }))
                .exceptionHandling(exceptions -> exceptions
                        .defaultDeniedHandlerForMissingAuthority(secondStep, Factors.AUTHENTICATOR_APP)
                        .defaultDeniedHandlerForMissingAuthority(secondStep, Factors.RECOVERY_CODE)
                        .defaultDeniedHandlerForMissingAuthority(secondStep, Factors.EMAIL_CODE)
                        .defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint("/signin"), Factors.PASSKEY))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/signin", "/signin/forgot", "/signin/reset", PasswordStrengthController.PATH, "/error", "/health",
                            "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
                            .requestMatchers(SecondFactorAuthenticationFilter.PATH, SecondFactorController.EMAIL_CODE_PATH, "/signin/enrol")
                            .access(passwordOnly)
                            // Spring's registration endpoint, only in the window the password typed again opened;
                            // passkeys are removed on the security page (with the password), never by Spring's DELETE
                            .requestMatchers(HttpMethod.POST, "/webauthn/register")
                            .access(AuthorizationManagers.allOf(signedIn.authenticated(), PasskeyRegistration.confirmed(clock)))
                            .requestMatchers("/webauthn/register/**").denyAll()
                            .requestMatchers(HttpMethod.GET, SecuritySettingsController.PATH).hasAnyRole("ADMIN", "SECURITY_OFFICER")
                            // the role areas; every feature module brings the rules of its own paths (PageRules)
                            .requestMatchers("/admin/**").hasRole("ADMIN")
                            .requestMatchers("/audit/**", "/security/**").hasRole("SECURITY_OFFICER")
                            .requestMatchers("/my/**").hasRole("PATIENT");
                    for (PageRules module : pageRules) {
                        for (PageRules.Rule rule : module.rules()) {
                            var paths = rule.method() == null ? requests.requestMatchers(rule.paths().toArray(String[]::new))
                                    : requests.requestMatchers(rule.method(), rule.paths().toArray(String[]::new));
                            if (rule.isOpen()) {
                                paths.permitAll();
                            } else {
                                paths.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                            }
                        }
                    }
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form
                        .loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .failureUrl("/signin?error")
                        .defaultSuccessUrl("/", false))
                .webAuthn(passkeys -> passkeys
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(passkeyManager);
                                // a new session id at sign-in, as for the password and the second step
                                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                                filter.setAuthenticationSuccessHandler(SignInCompletion.afterPasskey(accounts, devices, dormancy, requestCache));
                                return filter;
                            }
                        }))
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .logoutSuccessUrl("/signin?signedout")
                        .invalidateHttpSession(true)
                        .deleteCookies("__Host-HEARTH")
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.COOKIES,
                                ClearSiteDataHeaderWriter.Directive.STORAGE))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")));
        return http.build();
    }
}
