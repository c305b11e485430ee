package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnReencryptionTests {

    @TempDir
    Path dataDir;

    CryptoFixture fixture;
    ScratchReencryptionTarget table;
    ColumnReencryption column;

    @BeforeEach
    void start() {
        fixture = CryptoFixture.start(dataDir);
        table = new ScratchReencryptionTarget(fixture.jdbc, fixture.fields);
        column = new ColumnReencryption(fixture.jdbc, fixture.fields, ScratchReencryptionTarget.SECRET, "id");
    }

    @Test
    void countsValuesPerKeyInSql() {
        int firstKey = fixture.fields.primaryKeyId();
        IntStream.range(0, 4).forEach(i -> table.insert("old " + i));
        fixture.rotation(List.of()).rotate();
        table.insert("new");
        fixture.jdbc.sql("insert into scratch_secret (id, secret) values ('empty', null)").update();

        assertThat(column.countByKeyId()).isEqualTo(Map.of(firstKey, 4L, fixture.fields.primaryKeyId(), 1L));
        assertThat(column.name()).isEqualTo("scratch_secret.secret");
    }

    @Test
    void rewritesOnlyValuesUnderOldKeysInBatches() {
        List<String> ids = IntStream.range(0, 7).mapToObj(i -> table.insert("value " + i)).toList();
        var rotation = fixture.rotation(List.of(column));
        rotation.rotate();
        String fresh = table.insert("already new");
        byte[] freshBefore = table.ciphertext(fresh);
        int primary = fixture.fields.primaryKeyId();

        assertThat(column.reencryptBatch(primary, 5)).isEqualTo(5);
        assertThat(column.reencryptBatch(primary, 5)).isEqualTo(2);
        assertThat(column.reencryptBatch(primary, 5)).isZero();

        assertThat(column.countByKeyId()).isEqualTo(Map.of(primary, 8L));
        assertThat(ids).allSatisfy(id -> assertThat(FieldCipher.keyIdOf(table.ciphertext(id))).isEqualTo(primary));
        assertThat(ids).allSatisfy(id -> assertThat(table.read(id)).isEqualTo("value " + ids.indexOf(id)));
        assertThat(table.ciphertext(fresh)).isEqualTo(freshBefore);
    }

    @Test
    void worksThroughKeyRotation() {
        IntStream.range(0, 3).forEach(i -> table.insert("value " + i));
        var rotation = fixture.rotation(List.of(column));
        rotation.rotate();

        assertThat(rotation.reencrypt((done, total) -> { })).isEqualTo(3);
        assertThat(rotation.status().get(0).valuesUnderOldKeys()).isZero();
    }
}
