package io.hearth.records.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The directory's names (practitioners, organizations, locations: public, small) held in memory, so a page of
 * results does not ask the database for them. Reloaded after an import changed the directory on this node, and at
 * least every minute (another node's import).
 */
@Component
class DirectoryNames {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record Loaded(Map<String, String> names, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Loaded loaded;

    DirectoryNames(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, String> names() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || current.at().plus(MAX_AGE).isBefore(now) || current.at().isAfter(now)) {
            Map<String, String> names = new HashMap<>();
            jdbc.query("select identifier, name from directory_entry where name is not null", row -> {
                names.put(row.getString(1), row.getString(2));
            });
            current = new Loaded(Map.copyOf(names), now);
            loaded = current;
        }
        return current.names();
    }

    void changed() {
        loaded = null;
    }
}
