package io.hearth.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import io.hearth.shared.SessionActivity;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's repository as the session filter sees it, with two costs of every signed-in request taken out.
 * <ul>
 * <li>The filter reads a session twice in a request that uses it: when the request first asks for it, and again after
 * saving it, only to compare its id with the one the browser sent (spring-session#1424, open upstream). Within one
 * request a session is now read once; the second look gets the session as it was just saved.</li>
 * <li>The filter saves the session after every request that touched it, only to move its last-access time: a
 * transaction and an update for each page. A session whose attributes, id and timeout are unchanged is now written
 * only when its stored last access is {@link SessionActivity#RECORDED_EVERY} old, so the idle timeout may end it that
 * much early.</li>
 * </ul>
 * Hand-written because Spring Session offers neither as a setting; the JDBC repository underneath still does all
 * reading, writing, encryption of attributes and expiry.
 */
final class OncePerRequestSessions implements FindByIndexNameSessionRepository<Session>, DisposableBean {

    /** The sessions read or saved in the request on this thread; only while {@link RequestScope} runs. */
    private static final ThreadLocal<Map<String, Session>> REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;

    @SuppressWarnings("unchecked")
    OncePerRequestSessions(FindByIndexNameSessionRepository<? extends Session> store) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
    }

    @Override
    public Session createSession() {
        return new Tracked(store.createSession(), null);
    }

    @Override
    public void save(Session session) {
        if (!(session instanceof Tracked tracked)) { // one of findByIndexNameAndIndexValue's
            store.save(session);
            return;
        }
        if (tracked.onlyTouched() && tracked.getLastAccessedTime().isBefore(tracked.storedLastAccess.plus(SessionActivity.RECORDED_EVERY))) {
            return;
        }
        store.save(tracked.session);
        tracked.saved();
        Map<String, Session> request = REQUEST.get();
        if (request != null) {
            request.put(tracked.getId(), tracked);
        }
    }

    @Override
    public Session findById(String id) {
        Map<String, Session> request = REQUEST.get();
        if (request != null && request.containsKey(id)) {
            return request.get(id);
        }
        Session found = store.findById(id);
        Tracked tracked = found == null ? null : new Tracked(found, found.getLastAccessedTime());
        if (request != null) {
            request.put(id, tracked);
        }
        return tracked;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> request = REQUEST.get();
        if (request != null) {
            request.remove(id);
        }
        store.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    /** Opens the per-request memory around Spring Session's filter (it runs just outside it) and always clears it. */
    static final class RequestScope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            REQUEST.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                REQUEST.remove();
            }
        }
    }

    /** A stored session that knows whether anything but its last-access time changed since it was read or saved. */
    private static final class Tracked implements Session {

        private final Session session;
        /** null for a session not yet stored */
        private Instant storedLastAccess;
        private boolean changed;

        Tracked(Session session, Instant storedLastAccess) {
            this.session = session;
            this.storedLastAccess = storedLastAccess;
        }

        boolean onlyTouched() {
            return storedLastAccess != null && !changed;
        }

        void saved() {
            storedLastAccess = session.getLastAccessedTime();
            changed = false;
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
