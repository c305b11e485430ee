package io.hearth.crypto;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual {@link ReencryptionTarget}: one encrypted {@code bytea} column of one table, whose rows are identified by
 * an id column. Key rotation makes one for every {@link EncryptedColumn} the application declares; a bean of it is
 * needed only for a column outside the application's own classes (a test's scratch table, say).
 *
 * <p>Counting and selecting by key happen in SQL on the 5-byte key prefix, so no table is read into memory. Each
 * value is rewritten only if it is still the ciphertext that was read (compare and set), so a concurrent change by
 * the application is never overwritten; a value the application writes back under the old key is caught by the next
 * run. The id column must hold the same id the entity passes to {@link EncryptedColumn#at(Object)}.
 */
public final class ColumnReencryption implements ReencryptionTarget {

    private record Value(Object id, byte[] ciphertext) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final EncryptedColumn column;
    private final String idColumn;

    public ColumnReencryption(JdbcClient jdbc, FieldCipher cipher, EncryptedColumn column, String idColumn) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.cipher = Objects.requireNonNull(cipher);
        this.column = Objects.requireNonNull(column);
        FieldContext.requireName(idColumn, "id column");
        this.idColumn = idColumn;
    }

    @Override
    public String name() {
        return column.table() + "." + column.column();
    }

    @Override
    public Map<Integer, Long> countByKeyId() {
        // table and column names are checked to be plain lower-case SQL names, never user input
        String sql = "select substring(" + column.column() + " from 1 for 5) as prefix, count(*) as n from " + column.table()
                + " where " + column.column() + " is not null group by substring(" + column.column() + " from 1 for 5)";
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.merge(FieldCipher.keyIdOf(rs.getBytes(1)), rs.getLong(2), Long::sum);
        });
        return counts;
    }

    @Override
    public int reencryptBatch(int primaryKeyId, int batchSize) {
        String select = "select " + idColumn + ", " + column.column() + " from " + column.table() + " where " + column.column()
                + " is not null and substring(" + column.column() + " from 1 for 5) <> ? order by " + idColumn + " limit ?";
        List<Value> batch = jdbc.sql(select).params(prefix(primaryKeyId), batchSize)
                .query((rs, row) -> new Value(rs.getObject(1), rs.getBytes(2))).list();
        String update = "update " + column.table() + " set " + column.column() + " = ? where " + idColumn + " = ? and " + column.column() + " = ?";
        int rewritten = 0;
        for (Value value : batch) {
            byte[] fresh = cipher.reencrypt(value.ciphertext(), column.at(value.id()));
            rewritten += jdbc.sql(update).params(fresh, value.id(), value.ciphertext()).update();
        }
        return rewritten;
    }

    private static byte[] prefix(int keyId) {
        return ByteBuffer.allocate(5).put((byte) 0x01).putInt(keyId).array();
    }
}
