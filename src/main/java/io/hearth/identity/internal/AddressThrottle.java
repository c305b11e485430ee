package io.hearth.identity.internal;

import io.hearth.identity.ClientThrottle;
import io.hearth.identity.IdentityProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Failed sign-in steps per client address: past the limit, that address may not try again until the window passes. */
@Component
public class AddressThrottle implements ClientThrottle {

    private final JdbcTemplate jdbc;
    private final IdentityProperties.Throttle settings;
    private final Clock clock;

    AddressThrottle(JdbcTemplate jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.throttle();
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String address) {
        jdbc.update("insert into sign_in_failure (id, client_address, failed_at) values (?, ?, ?)",
                UUID.randomUUID(), address, Timestamp.from(clock.instant()));
    }

    @Override
    public boolean blocked(String address) {
        Long failures = jdbc.queryForObject("select count(*) from sign_in_failure where client_address = ? and failed_at > ?",
                Long.class, address, Timestamp.from(clock.instant().minus(settings.window())));
        return failures != null && failures >= settings.maxFailures();
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(settings.window().multipliedBy(2));
        jdbc.update("delete from sign_in_failure where failed_at < ?", Timestamp.from(cutoff));
    }
}
