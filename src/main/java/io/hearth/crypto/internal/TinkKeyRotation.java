package io.hearth.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.KeyRotation;
import io.hearth.crypto.KeysetStatus;
import io.hearth.crypto.ReencryptionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TinkKeyRotation implements KeyRotation {

    static final int BATCH_SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(TinkKeyRotation.class);

    private final Keysets keysets;
    private final FieldCipher fields;
    private final List<ReencryptionTarget> targets;

    TinkKeyRotation(Keysets keysets, FieldCipher fields, List<ReencryptionTarget> targets) {
        this.keysets = keysets;
        this.fields = fields;
        this.targets = List.copyOf(targets);
    }

    @Override
    public List<KeysetStatus> rotate() {
        for (KeysetName name : KeysetName.values()) {
            if (name.rotates()) {
                keysets.rotate(name);
            }
        }
        return status();
    }

    @Override
    public List<KeysetStatus> status() {
        List<KeysetStatus> status = new ArrayList<>();
        for (KeysetName name : KeysetName.values()) {
            keysets.reload(name);
            KeysetHandle handle = keysets.handle(name);
            List<Integer> keyIds = new ArrayList<>();
            for (int i = 0; i < handle.size(); i++) {
                keyIds.add(handle.getAt(i).getId());
            }
            Map<Integer, Long> values = name == KeysetName.FIELDS ? fieldValuesPerKey() : Map.of();
            status.add(new KeysetStatus(name.storedName(), handle.getPrimary().getId(), List.copyOf(keyIds), values));
        }
        return status;
    }

    @Override
    public long reencrypt(Progress progress) {
        keysets.reload(KeysetName.FIELDS);
        int primary = fields.primaryKeyId();
        long total = 0;
        for (ReencryptionTarget target : targets) {
            total += underOldKeys(target.countByKeyId(), primary);
        }
        long done = 0;
        progress.update(done, total);
        for (ReencryptionTarget target : targets) {
            long expected = underOldKeys(target.countByKeyId(), primary);
            long doneHere = 0;
            for (int rewritten = target.reencryptBatch(primary, BATCH_SIZE); rewritten > 0; rewritten = target.reencryptBatch(primary, BATCH_SIZE)) {
                doneHere += rewritten;
                done += rewritten;
                progress.update(done, Math.max(done, total));
                // values written under an old key by a process that has not seen the rotation yet can add a few; not endlessly
                if (doneHere > 2 * expected + BATCH_SIZE) {
                    throw new IllegalStateException("Re-encryption target " + target.name() + " keeps reporting rewritten values; stopped");
                }
            }
            log.info("Re-encrypted {} values of {} under key {}", doneHere, target.name(), primary);
        }
        return done;
    }

    private Map<Integer, Long> fieldValuesPerKey() {
        Map<Integer, Long> values = new TreeMap<>();
        for (ReencryptionTarget target : targets) {
            target.countByKeyId().forEach((keyId, count) -> values.merge(keyId, count, Long::sum));
        }
        return values;
    }

    private static long underOldKeys(Map<Integer, Long> counts, int primary) {
        return counts.entrySet().stream().filter(e -> e.getKey() != primary).mapToLong(Map.Entry::getValue).sum();
    }
}
