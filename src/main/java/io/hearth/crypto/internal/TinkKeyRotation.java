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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.function.SingletonSupplier;

class TinkKeyRotation implements KeyRotation {

    static final int BATCH_SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(TinkKeyRotation.class);

    private final Keysets keysets;
    private final FieldCipher fields;
    private final Supplier<List<ReencryptionTarget>> targets;
    private final Supplier<TransactionOperations> transactions;

    /**
     * @param targets found on first use (scanning for the declared columns takes a moment that only the key commands
     *     and the status page need)
     * @param transactions each batch commits as one transaction (asked for on first use, as the targets are)
     */
    TinkKeyRotation(Keysets keysets, FieldCipher fields, Supplier<List<ReencryptionTarget>> targets,
            Supplier<TransactionOperations> transactions) {
        this.keysets = keysets;
        this.fields = fields;
        this.targets = SingletonSupplier.of(() -> List.copyOf(targets.get()));
        this.transactions = SingletonSupplier.of(transactions);
    }

    @Override
    public List<String> targets() {
        return targets.get().stream().map(ReencryptionTarget::name).toList();
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
        for (ReencryptionTarget target : targets.get()) {
            total += underOldKeys(target.countByKeyId(), primary);
        }
        long done = 0;
        progress.update(done, total);
        for (ReencryptionTarget target : targets.get()) {
            long expected = underOldKeys(target.countByKeyId(), primary);
            long doneHere = 0;
            for (int rewritten = batch(target, primary); rewritten > 0; rewritten = batch(target, primary)) {
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

    /** One batch, committed at once: a kill loses at most this batch's work, and the next run finds what is left. */
    private int batch(ReencryptionTarget target, int primary) {
        Integer rewritten = transactions.get().execute(status -> target.reencryptBatch(primary, BATCH_SIZE));
        return rewritten == null ? 0 : rewritten;
    }

    private Map<Integer, Long> fieldValuesPerKey() {
        Map<Integer, Long> values = new TreeMap<>();
        for (ReencryptionTarget target : targets.get()) {
            target.countByKeyId().forEach((keyId, count) -> values.merge(keyId, count, Long::sum));
        }
        return values;
    }

    private static long underOldKeys(Map<Integer, Long> counts, int primary) {
        return counts.entrySet().stream().filter(e -> e.getKey() != primary).mapToLong(Map.Entry::getValue).sum();
    }
}
