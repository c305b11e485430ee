package io.hearth.messaging.web;

import io.hearth.messaging.Messaging;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count beside "Messages" in the layout, on every page of a signed-in person. Counted when the page is
 * drawn, not before the handler runs, so the page that opens a thread already shows it read.
 */
@ControllerAdvice
class UnreadBadge {

    private final Messaging messaging;

    UnreadBadge(Messaging messaging) {
        this.messaging = messaging;
    }

    /** Counts once, when the template first asks. */
    static final class Count {
        private final java.util.function.IntSupplier counter;
        private Integer value;

        Count(java.util.function.IntSupplier counter) {
            this.counter = counter;
        }

        public int value() {
            if (value == null) {
                value = counter.getAsInt();
            }
            return value;
        }
    }

    @ModelAttribute("unreadMessages")
    Count unreadMessages(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        return new Count(() -> messaging.unreadCount(authentication.getName(), MessagePages.roles(authentication)));
    }
}
