package io.hearth.identity.web;

import io.hearth.identity.internal.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * What a changed password, email address or second factor does to sessions: the browser that made the change goes on
 * under a new session id (an id planted or read before is worth nothing afterwards), and every other session of the
 * person ends, unless they ticked "keep me signed in on my other devices". Only that tick keeps them: a form that sends
 * nothing, "false" or anything else ends them.
 */
@Component
class CredentialChangeSessions {

    /** The form field, ticked (value {@code true}) to keep the other sessions. */
    static final String KEEP_OTHERS = "keepOtherSessions";

    private final UserSessions sessions;

    CredentialChangeSessions(UserSessions sessions) {
        this.sessions = sessions;
    }

    void changed(HttpServletRequest request, String username, String keepOthers, String why) {
        if (!"true".equals(keepOthers)) {
            // before the new id: the store knows this session by its old id until the request ends
            sessions.endOthers(username, request.getSession().getId(), why);
        }
        request.changeSessionId();
    }
}
