package io.hearth.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.hearth.shared.SessionActivity;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Spring Session's own filter over a repository that counts what reaches the store. */
class OncePerRequestSessionsTests {

    private final CountingStore store = new CountingStore();
    private final OncePerRequestSessions sessions = new OncePerRequestSessions(store);

    @Test
    void aRequestThatUsesItsSessionReadsItOnce() throws Exception {
        MapSession stored = store.stored(Instant.now());

        request(stored.getId(), req -> req.getSession(false).getAttribute("anything"));

        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    void withoutTheRequestScopeSpringSessionReadsItTwice() throws Exception {
        // what the scope saves (spring-session#1424); if this starts failing, upstream has fixed it and the scope can go
        MapSession stored = store.stored(Instant.now().minus(Duration.ofMinutes(1)));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(stored.getId().getBytes())));

        new SessionRepositoryFilter<>(sessions).doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            ((HttpServletRequest) req).getSession(false);
            res.getWriter().write("<p>page</p>");
            res.flushBuffer(); // the page is sent before the filter's own commit runs, as a real page is
        });

        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void aPageViewMomentsAfterTheLastWriteWritesNothing() throws Exception {
        MapSession stored = store.stored(Instant.now().minusSeconds(5));

        request(stored.getId(), req -> req.getSession(false));

        assertThat(store.writes.get()).isZero();
    }

    @Test
    void aPageViewHalfAMinuteAfterTheLastWriteMovesTheLastAccess() throws Exception {
        Instant before = Instant.now().minus(SessionActivity.RECORDED_EVERY);
        MapSession stored = store.stored(before);

        request(stored.getId(), req -> req.getSession(false));

        assertThat(store.writes.get()).isEqualTo(1);
        assertThat(store.sessions.get(stored.getId()).getLastAccessedTime()).isAfter(before);
    }

    @Test
    void aChangedAttributeIsWrittenAtOnce() throws Exception {
        MapSession stored = store.stored(Instant.now());

        request(stored.getId(), req -> req.getSession(false).setAttribute("step", "second-factor"));

        assertThat(store.writes.get()).isEqualTo(1);
        assertThat((String) store.sessions.get(stored.getId()).getAttribute("step")).isEqualTo("second-factor");
    }

    @Test
    void aNewIdIsWrittenAtOnce() throws Exception {
        MapSession stored = store.stored(Instant.now());

        request(stored.getId(), HttpServletRequest::changeSessionId);

        assertThat(store.writes.get()).isEqualTo(1);
        assertThat(store.sessions).doesNotContainKey(stored.getId()).hasSize(1);
    }

    @Test
    void aNewSessionIsStored() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

        run(request, req -> req.getSession(true).setAttribute("step", "password"));

        assertThat(store.sessions).hasSize(1);
    }

    @Test
    void aSessionFromAnIndexLookupIsSavedAsItIs() {
        MapSession listed = new MapSession();

        sessions.save(listed);

        assertThat(store.writes.get()).isEqualTo(1);
        assertThat(store.sessions).containsKey(listed.getId());
    }

    @Test
    void theNextRequestReadsTheStoreAgain() throws Exception {
        MapSession stored = store.stored(Instant.now());
        request(stored.getId(), req -> req.getSession(false));
        store.sessions.remove(stored.getId()); // signed out elsewhere meanwhile

        request(stored.getId(), req -> assertThat(req.getSession(false)).isNull());

        assertThat(store.reads.get()).isEqualTo(2);
    }

    private interface Handler {
        void handle(HttpServletRequest request) throws Exception;
    }

    private void request(String sessionId, Handler handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes())));
        run(request, handler);
    }

    private void run(MockHttpServletRequest request, Handler handler) throws Exception {
        FilterChain handlerChain = (req, res) -> {
            try {
                handler.handle((HttpServletRequest) req);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            res.getWriter().write("<p>page</p>");
            res.flushBuffer();
        };
        SessionRepositoryFilter<Session> sessionFilter = new SessionRepositoryFilter<>(sessions);
        new OncePerRequestSessions.RequestScope().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> sessionFilter.doFilter(req, res, handlerChain));
    }

    /** Spring's in-memory repository, counting reads and writes. */
    private static final class CountingStore extends MapSessionRepository implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, Session> sessions;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        CountingStore() {
            this(new ConcurrentHashMap<>());
        }

        private CountingStore(Map<String, Session> sessions) {
            super(sessions);
            this.sessions = sessions;
        }

        MapSession stored(Instant lastAccess) {
            MapSession session = new MapSession();
            session.setLastAccessedTime(lastAccess);
            sessions.put(session.getId(), new MapSession(session));
            return session;
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }

        @Override
        public void save(MapSession session) {
            writes.incrementAndGet();
            super.save(session);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
