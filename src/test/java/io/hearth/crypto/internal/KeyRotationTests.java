package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.KeysetStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTests {

    @TempDir
    Path dataDir;

    CryptoFixture fixture;
    ScratchReencryptionTarget target;
    TinkKeyRotation rotation;

    @BeforeEach
    void start() {
        fixture = CryptoFixture.start(dataDir);
        target = new ScratchReencryptionTarget(fixture.jdbc, fixture.fields);
        rotation = fixture.rotation(List.of(target));
    }

    @Test
    void oldValuesStillDecryptAfterRotationAndNewValuesUseTheNewKey() {
        int firstKey = fixture.fields.primaryKeyId();
        String old = target.insert("before");

        rotation.rotate();

        int secondKey = fixture.fields.primaryKeyId();
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(target.read(old)).isEqualTo("before");
        assertThat(FieldCipher.keyIdOf(target.ciphertext(old))).isEqualTo(firstKey);
        String fresh = target.insert("after");
        assertThat(FieldCipher.keyIdOf(target.ciphertext(fresh))).isEqualTo(secondKey);
    }

    @Test
    void statusCountsValuesPerKey() {
        int firstKey = fixture.fields.primaryKeyId();
        IntStream.range(0, 3).forEach(i -> target.insert("old " + i));
        rotation.rotate();
        int secondKey = fixture.fields.primaryKeyId();
        IntStream.range(0, 2).forEach(i -> target.insert("new " + i));

        KeysetStatus fields = status("fields");

        assertThat(fields.primaryKeyId()).isEqualTo(secondKey);
        assertThat(fields.keyIds()).containsExactly(firstKey, secondKey);
        assertThat(fields.valuesPerKey()).isEqualTo(Map.of(firstKey, 3L, secondKey, 2L));
        assertThat(fields.valuesUnderOldKeys()).isEqualTo(3);
        assertThat(status("files").keyIds()).hasSize(2);
        assertThat(status("blind-index").keyIds()).hasSize(1);
    }

    @Test
    void reencryptMovesEveryValueToTheNewKeyInBatches() {
        List<String> ids = IntStream.range(0, TinkKeyRotation.BATCH_SIZE + 50).mapToObj(i -> target.insert("value " + i)).toList();
        rotation.rotate();
        int newKey = fixture.fields.primaryKeyId();
        List<long[]> progress = new ArrayList<>();

        long rewritten = rotation.reencrypt((done, total) -> progress.add(new long[] { done, total }));

        assertThat(rewritten).isEqualTo(ids.size());
        assertThat(progress).extracting(p -> p[0]).containsExactly(0L, (long) TinkKeyRotation.BATCH_SIZE, (long) ids.size());
        assertThat(progress).extracting(p -> p[1]).containsOnly((long) ids.size());
        assertThat(status("fields").valuesPerKey()).isEqualTo(Map.of(newKey, (long) ids.size()));
        assertThat(ids).allSatisfy(id -> assertThat(target.read(id)).isEqualTo("value " + ids.indexOf(id)));
        assertThat(rotation.reencrypt((done, total) -> { })).isZero();
    }

    @Test
    void anotherProcessSeesTheRotationWhenItMeetsTheNewKey() {
        CryptoFixture portal = fixture.restart(CryptoFixture.PASSPHRASE);
        rotation.rotate();
        String id = target.insert("written by the command line process");

        var portalView = new ScratchReencryptionTarget(portal.jdbc, portal.fields);

        assertThat(portalView.read(id)).isEqualTo("written by the command line process");
        assertThat(portal.fields.primaryKeyId()).isEqualTo(fixture.fields.primaryKeyId());
    }

    @Test
    void anotherProcessPicksUpTheNewPrimaryWithinAMinute() {
        CryptoFixture portal = fixture.restart(CryptoFixture.PASSPHRASE);
        int before = portal.fields.primaryKeyId();
        rotation.rotate();

        fixture.clock.advance(Keysets.CHECK_INTERVAL.plusSeconds(1));
        portal.fields.encrypt("any", ScratchReencryptionTarget.SECRET.at("1"));

        assertThat(portal.fields.primaryKeyId()).isNotEqualTo(before).isEqualTo(fixture.fields.primaryKeyId());
    }

    private KeysetStatus status(String keyset) {
        return rotation.status().stream().filter(s -> s.keyset().equals(keyset)).findFirst().orElseThrow();
    }
}
