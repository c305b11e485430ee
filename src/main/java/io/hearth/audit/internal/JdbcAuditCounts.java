package io.hearth.audit.internal;

import io.hearth.audit.AuditCounts;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** One grouped query per count; only fixed column names are joined into the SQL, every value is a bind parameter. */
@Service
class JdbcAuditCounts implements AuditCounts {

    private final JdbcTemplate jdbc;
    private final ChainWriter writer;

    JdbcAuditCounts(JdbcTemplate jdbc, ChainWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @Override
    public List<Count> count(Query query) {
        ChainWriter.await(writer.flush());
        String column = switch (query.key()) {
            case ACTOR -> "actor_id";
            case CLIENT_ADDRESS -> "client_address";
            case OBJECT -> "object_id";
        };
        String measure = query.distinctPatients() ? "count(distinct patient_id)" : "count(*)";
        List<Object> parameters = new ArrayList<>(List.of(query.action().name(), query.outcome().name(), Timestamp.from(query.from()),
                Timestamp.from(query.to())));
        StringBuilder sql = new StringBuilder("select " + column + " as k, " + measure + " as n, min(occurred_at) as first_at, "
                + "max(occurred_at) as last_at from audit_entry where action = ? and outcome = ? and occurred_at >= ? and occurred_at < ? and "
                + column + " is not null");
        if (query.key() == Key.ACTOR) {
            sql.append(" and actor_id <> 'anonymous' and actor_id not like 'system:%'");
        }
        if (query.key() == Key.OBJECT) {
            sql.append(" and object_type = ?");
            parameters.add(query.objectType());
        }
        if (query.only() != null) {
            sql.append(" and ").append(column).append(" = ?");
            parameters.add(query.only());
        }
        sql.append(" group by ").append(column).append(" having ").append(measure).append(" >= ? order by n desc, k limit ?");
        parameters.add(Math.max(1, query.atLeast()));
        parameters.add(MAX_KEYS);
        return jdbc.query(sql.toString(), (row, n) -> new Count(row.getString("k"), row.getLong("n"), row.getTimestamp("first_at").toInstant(),
                row.getTimestamp("last_at").toInstant()), parameters.toArray());
    }
}
