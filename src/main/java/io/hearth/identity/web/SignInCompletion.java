package io.hearth.identity.web;

import io.hearth.identity.Accounts;
import io.hearth.identity.internal.DormantAccounts;
import io.hearth.identity.internal.KnownDevices;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * What every completed sign-in does, whichever way it completed (second step, first enrolment, passkey): note when
 * (dormant accounts are disabled), remember the browser (a new one emails the owner) and mark a password past its
 * age, so the change form comes first.
 */
final class SignInCompletion {

    private SignInCompletion() {
    }

    /** @return whether the password must be changed before anything else */
    static boolean completed(Accounts accounts, KnownDevices devices, DormantAccounts dormancy, HttpServletRequest request,
            HttpServletResponse response, Authentication authentication) {
        dormancy.signedIn(authentication.getName());
        DeviceCookie.signedIn(devices, authentication.getName(), request, response);
        return PasswordExpiry.markIfDue(accounts, request, authentication);
    }

    /** After the second step: to the change form if the password is too old, otherwise where the user was going. */
    static SavedRequestAwareAuthenticationSuccessHandler afterSecondStep(Accounts accounts, KnownDevices devices, DormantAccounts dormancy,
            RequestCache requestCache) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                if (completed(accounts, devices, dormancy, request, response, authentication)) {
                    getRedirectStrategy().sendRedirect(request, response, PasswordController.PATH);
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setRequestCache(requestCache);
        return handler;
    }

    /** After a passkey sign-in, which answers the page's script in JSON; an expired password's mark sends the next page to the form. */
    static AuthenticationSuccessHandler afterPasskey(Accounts accounts, KnownDevices devices, DormantAccounts dormancy, RequestCache requestCache) {
        var answer = new HttpMessageConverterAuthenticationSuccessHandler();
        answer.setRequestCache(requestCache);
        return (request, response, authentication) -> {
            completed(accounts, devices, dormancy, request, response, authentication);
            answer.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
