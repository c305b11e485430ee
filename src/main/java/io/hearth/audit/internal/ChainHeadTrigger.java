package io.hearth.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger that moves the chain's head with every entry (see V11). */
public class ChainHeadTrigger implements Trigger {

    private int seqColumn = -1;
    private int prevHashColumn = -1;
    private int entryHashColumn = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                switch (columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT)) {
                    case "seq" -> seqColumn = index;
                    case "prev_hash" -> prevHashColumn = index;
                    case "entry_hash" -> entryHashColumn = index;
                    default -> { }
                }
            }
        }
        if (seqColumn < 0 || prevHashColumn < 0 || entryHashColumn < 0) {
            throw new SQLException("the chain head trigger needs seq, prev_hash and entry_hash on " + tableName);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        long seq = ((Number) newRow[seqColumn]).longValue();
        try (PreparedStatement head = connection.prepareStatement(
                "select last_seq, last_hash from audit_head where chain_id = 1 for update")) {
            try (ResultSet row = head.executeQuery()) {
                row.next();
                if (seq != row.getLong(1) + 1 || !row.getString(2).equals(newRow[prevHashColumn])) {
                    throw new SQLException("audit entry " + seq + " does not extend the chain head at " + row.getLong(1), "40001");
                }
            }
        }
        try (PreparedStatement move = connection.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where chain_id = 1")) {
            move.setLong(1, seq);
            move.setString(2, (String) newRow[entryHashColumn]);
            move.executeUpdate();
        }
    }
}
