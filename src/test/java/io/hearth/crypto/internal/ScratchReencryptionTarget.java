package io.hearth.crypto.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a feature module's target looks like, over a scratch table that only tests create. */
class ScratchReencryptionTarget implements ReencryptionTarget {

    static final EncryptedColumn SECRET = EncryptedColumn.of("scratch_secret", "secret");

    private record Row(String id, byte[] secret) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ScratchReencryptionTarget(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        jdbc.sql("create table if not exists scratch_secret (id varchar(36) primary key, secret bytea)").update();
    }

    String insert(String plaintext) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into scratch_secret (id, secret) values (?, ?)").params(id, cipher.encrypt(plaintext, SECRET.at(id))).update();
        return id;
    }

    byte[] ciphertext(String id) {
        return jdbc.sql("select secret from scratch_secret where id = ?").param(id).query(byte[].class).single();
    }

    String read(String id) {
        return cipher.decrypt(ciphertext(id), SECRET.at(id));
    }

    @Override
    public String name() {
        return "scratch_secret.secret";
    }

    @Override
    public Map<Integer, Long> countByKeyId() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Row row : rows()) {
            counts.merge(FieldCipher.keyIdOf(row.secret()), 1L, Long::sum);
        }
        return counts;
    }

    @Override
    public int reencryptBatch(int primaryKeyId, int batchSize) {
        List<Row> batch = rows().stream().filter(row -> FieldCipher.keyIdOf(row.secret()) != primaryKeyId).limit(batchSize).toList();
        for (Row row : batch) {
            jdbc.sql("update scratch_secret set secret = ? where id = ?").params(cipher.reencrypt(row.secret(), SECRET.at(row.id())), row.id()).update();
        }
        return batch.size();
    }

    private List<Row> rows() {
        return jdbc.sql("select id, secret from scratch_secret where secret is not null order by id")
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).list();
    }
}
