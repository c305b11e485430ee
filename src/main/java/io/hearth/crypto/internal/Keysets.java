package io.hearth.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PrfSet;
import io.hearth.crypto.MasterKeySource;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keysets, unwrapped in memory. Made on first start. Another process (the {@code keys rotate} command) may
 * rotate them while the portal runs, so the stored versions are checked every minute and whenever a ciphertext names
 * a key this process has not seen.
 */
class Keysets {

    static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(Keysets.class);

    private record Loaded(KeysetHandle handle, Object primitive, long version) {
    }

    private final KeysetStore store;
    private final MasterKeySource masterKeySource;
    private final Clock clock;
    private final Map<KeysetName, Loaded> loaded = new EnumMap<>(KeysetName.class);
    private volatile Instant nextCheck;

    Keysets(KeysetStore store, MasterKeySource masterKeySource, Clock clock) {
        TinkRegistration.ensure();
        this.store = store;
        this.masterKeySource = masterKeySource;
        this.clock = clock;
        for (KeysetName name : KeysetName.values()) {
            loaded.put(name, loadOrCreate(name));
        }
        this.nextCheck = clock.instant().plus(CHECK_INTERVAL);
    }

    Aead fields() {
        return primitive(KeysetName.FIELDS, Aead.class);
    }

    StreamingAead files() {
        return primitive(KeysetName.FILES, StreamingAead.class);
    }

    PrfSet blindIndex() {
        return primitive(KeysetName.BLIND_INDEX, PrfSet.class);
    }

    synchronized KeysetHandle handle(KeysetName name) {
        return loaded.get(name).handle();
    }

    boolean contains(KeysetName name, int keyId) {
        KeysetHandle handle = handle(name);
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == keyId) {
                return true;
            }
        }
        return false;
    }

    /** Reads the keyset again if the stored one changed; true when it did. */
    synchronized boolean reload(KeysetName name) {
        Loaded current = loaded.get(name);
        long storedVersion = store.version(name.storedName()).orElse(current.version());
        if (storedVersion == current.version()) {
            return false;
        }
        loaded.put(name, load(store.find(name.storedName()).orElseThrow(), name));
        log.info("Keyset {} changed in the database; now at version {}", name.storedName(), storedVersion);
        return true;
    }

    /** Adds a new primary key; the old keys stay for decryption. */
    synchronized KeysetHandle rotate(KeysetName name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            reload(name);
            Loaded current = loaded.get(name);
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(current.handle())
                        .addEntry(KeysetHandle.generateEntryFromParameters(name.parameters()).withRandomId().makePrimary())
                        .build();
                if (store.update(name.storedName(), wrap(rotated, name), current.version())) {
                    loaded.put(name, new Loaded(rotated, rotated.getPrimitive(RegistryConfiguration.get(), primitiveClass(name)), current.version() + 1));
                    log.info("Keyset {} rotated: new primary key {}", name.storedName(), rotated.getPrimary().getId());
                    return rotated;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Keyset " + name.storedName() + " could not be rotated", e);
            }
        }
        throw new IllegalStateException("Keyset " + name.storedName() + " kept changing while it was being rotated; try again");
    }

    private <P> P primitive(KeysetName name, Class<P> type) {
        reloadIfDue();
        synchronized (this) {
            return type.cast(loaded.get(name).primitive());
        }
    }

    private void reloadIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(CHECK_INTERVAL);
        try {
            for (KeysetName name : KeysetName.values()) {
                reload(name);
            }
        } catch (RuntimeException databaseUnavailable) {
            // the keys in memory are still good; a rotation elsewhere is picked up at the next check
            log.warn("Could not check the keysets for changes: {}", databaseUnavailable.getClass().getSimpleName());
        }
    }

    private Loaded loadOrCreate(KeysetName name) {
        var stored = store.find(name.storedName());
        if (stored.isPresent()) {
            return load(stored.get(), name);
        }
        try {
            KeysetHandle fresh = KeysetHandle.generateNew(name.parameters());
            if (store.insert(name.storedName(), wrap(fresh, name))) {
                log.info("Made keyset {} with primary key {}", name.storedName(), fresh.getPrimary().getId());
                return new Loaded(fresh, fresh.getPrimitive(RegistryConfiguration.get(), primitiveClass(name)), 0);
            }
            return load(store.find(name.storedName()).orElseThrow(), name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Keyset " + name.storedName() + " could not be made", e);
        }
    }

    private Loaded load(KeysetStore.Stored stored, KeysetName name) {
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.encryptedKeyset(), masterKeySource.masterKey(), name.associatedData());
            return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), primitiveClass(name)), stored.version());
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailableException("Keyset " + name.storedName() + " in the database cannot be opened with this master key:"
                    + " the master key (or its passphrase) does not belong to this database, or the keyset was changed");
        }
    }

    private String wrap(KeysetHandle handle, KeysetName name) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKeySource.masterKey(), name.associatedData());
    }

    private static Class<?> primitiveClass(KeysetName name) {
        return switch (name) {
            case FIELDS -> Aead.class;
            case FILES -> StreamingAead.class;
            case BLIND_INDEX -> PrfSet.class;
        };
    }
}
