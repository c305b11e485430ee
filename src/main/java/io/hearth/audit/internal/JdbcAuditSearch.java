package io.hearth.audit.internal;

import io.hearth.audit.AuditSearch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Every value is a bind parameter; only the fixed clauses of the filters that are set are joined into the SQL. */
@Service
class JdbcAuditSearch implements AuditSearch {

    private static final String COLUMNS = "seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id, "
            + "reason, client_address";

    private final JdbcTemplate jdbc;
    private final ChainWriter writer;

    JdbcAuditSearch(JdbcTemplate jdbc, ChainWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @Override
    public List<Entry> page(Filter filter, Cursor after, int limit) {
        ChainWriter.await(writer.flush());
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = where(filter, parameters);
        if (after != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and seq < ?))");
            parameters.add(Timestamp.from(after.occurredAt()));
            parameters.add(Timestamp.from(after.occurredAt()));
            parameters.add(after.seq());
        }
        sql.append(" order by occurred_at desc, seq desc limit ?");
        parameters.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), JdbcAuditSearch::entry, parameters.toArray());
    }

    @Override
    public int each(Filter filter, Consumer<Entry> entry) {
        ChainWriter.await(writer.flush());
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = where(filter, parameters).append(" order by occurred_at desc, seq desc limit ?");
        parameters.add(MAX_EXPORT);
        AtomicInteger count = new AtomicInteger();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql.toString());
            statement.setFetchSize(500);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, row -> {
            entry.accept(entry(row, count.getAndIncrement()));
        });
        return count.get();
    }

    private static StringBuilder where(Filter filter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where 1 = 1");
        if (filter.actor() != null) {
            sql.append(" and actor_id = ?");
            parameters.add(filter.actor());
        }
        if (filter.patient() != null) {
            sql.append(" and patient_id = ?");
            parameters.add(filter.patient());
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            parameters.add(filter.action().name());
        }
        if (filter.outcome() != null) {
            sql.append(" and outcome = ?");
            parameters.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        return sql;
    }

    private static Entry entry(ResultSet row, int index) throws SQLException {
        return new Entry(row.getLong("seq"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor_id"),
                row.getString("actor_roles"), row.getString("action"), row.getString("outcome"), row.getObject("patient_id", UUID.class),
                row.getString("object_type"), row.getString("object_id"), row.getString("reason"), row.getString("client_address"));
    }
}
