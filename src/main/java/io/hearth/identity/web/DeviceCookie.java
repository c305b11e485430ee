package io.hearth.identity.web;

import io.hearth.identity.internal.KnownDevices;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The long-lived cookie that lets Hearth recognise a browser at its next sign-in (see KnownDevices). */
final class DeviceCookie {

    static final String NAME = "__Host-HEARTH-DEVICE";

    private DeviceCookie() {
    }

    static void signedIn(KnownDevices devices, String username, HttpServletRequest request, HttpServletResponse response) {
        String presented = request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst().orElse(null);
        String token = devices.signedIn(username, presented);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, token).path("/").secure(true).httpOnly(true)
                .sameSite("Lax").maxAge(Duration.ofDays(400)).build().toString());
    }
}
