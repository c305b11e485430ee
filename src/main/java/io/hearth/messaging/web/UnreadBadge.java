package io.hearth.messaging.web;

import io.hearth.messaging.Messaging;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count beside "Messages" in the layout, on every page of a signed-in person. */
@ControllerAdvice
class UnreadBadge {

    private final Messaging messaging;

    UnreadBadge(Messaging messaging) {
        this.messaging = messaging;
    }

    @ModelAttribute("unreadMessages")
    Integer unreadMessages(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        return messaging.unreadCount(authentication.getName(), MessagePages.roles(authentication));
    }
}
