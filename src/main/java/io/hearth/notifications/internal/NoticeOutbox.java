package io.hearth.notifications.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.notifications.EmailPreferences;
import io.hearth.notifications.Notice;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Notices} as a transactional outbox. {@code queue} is {@link Propagation#MANDATORY}: a notice is part of the
 * action that causes it (a lockout, a new message), so it must be written in that action's transaction; then a
 * rolled-back action sends nothing and a committed one cannot lose its notice. A caller with nothing else to write
 * wraps the call in a {@code TransactionTemplate}. Calling it outside a transaction is a programming error and throws
 * {@code IllegalTransactionStateException}.
 *
 * <p>The notice is checked here, so a bad one fails the caller's action rather than the sender later: exactly one
 * plain address, a first name without control characters, and a link only into the portal ({@code hearth.base-url}).
 * Exception messages never repeat the values.
 */
@Service
class NoticeOutbox implements Notices {

    private static final Logger log = LoggerFactory.getLogger(NoticeOutbox.class);
    static final int MAX_FIRST_NAME = 100;

    private final EntityManager entities;
    private final FieldCipher cipher;
    private final Clock clock;
    private final HearthProperties hearth;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<EmailPreferences> preferences;

    NoticeOutbox(EntityManager entities, FieldCipher cipher, Clock clock, HearthProperties hearth, ApplicationEventPublisher events,
            ObjectProvider<EmailPreferences> preferences) {
        this.preferences = preferences;
        this.entities = entities;
        this.cipher = cipher;
        this.clock = clock;
        this.hearth = hearth;
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(notice.type(), "A notice needs a type");
        if (!notice.type().security()) {
            if (notice.account() == null) {
                throw new IllegalArgumentException("A notice that is not about security names its recipient's account");
            }
            EmailPreferences choices = preferences.getIfAvailable();
            if (choices == null || !choices.agreedToEmail(notice.account())) {
                log.debug("A {} notice was not queued: its recipient did not agree to email notices", notice.type());
                return false;
            }
        }
        OutboxNotice row = new OutboxNotice(notice.type(), singleAddress(notice.recipient()), firstName(notice.firstName()),
                portalLink(notice.link()), clock.instant(), cipher);
        entities.persist(row);
        log.debug("Notice {} ({}) queued", row.id(), row.type());
        events.publishEvent(new NoticeQueued(row.id()));
        return true;
    }

    /** The one address, as a plain {@code local@domain}; refuses lists, groups, display names and line breaks. */
    static String singleAddress(String recipient) {
        if (recipient == null || recipient.isBlank() || recipient.length() > 320) {
            throw new IllegalArgumentException("A notice needs exactly one email address");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(recipient.strip(), true);
            if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null
                    || !parsed[0].getAddress().equals(recipient.strip())) {
                throw new IllegalArgumentException("A notice goes to exactly one plain email address");
            }
            parsed[0].validate();
            if (!parsed[0].getAddress().contains("@")) {
                throw new IllegalArgumentException("A notice goes to exactly one plain email address");
            }
            return parsed[0].getAddress();
        } catch (AddressException invalid) {
            throw new IllegalArgumentException("A notice needs a valid email address"); // the address stays out of the message
        }
    }

    static String firstName(String firstName) {
        if (firstName == null || firstName.isBlank()) {
            return null;
        }
        String name = firstName.strip();
        if (name.length() > MAX_FIRST_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A first name in a notice has at most " + MAX_FIRST_NAME + " characters and no control characters");
        }
        return name;
    }

    /** The link, which must point into the portal; null stays null (the email then links to the sign-in page). */
    String portalLink(String link) {
        if (link == null) {
            return null;
        }
        String base = hearth.baseUrl().toString().replaceAll("/+$", "");
        if (!(link.equals(base) || link.startsWith(base + "/")) || link.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("A notice links only into the portal (hearth.base-url)");
        }
        return link;
    }

    /** Published inside the queuing transaction; the sender is nudged once it commits. Carries the id only. */
    record NoticeQueued(UUID id) {
    }
}
