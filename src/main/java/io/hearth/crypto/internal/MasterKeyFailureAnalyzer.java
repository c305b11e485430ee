package io.hearth.crypto.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or wrong master key into one clear start-up message instead of a chain of bean errors. */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyUnavailableException cause) {
        return new FailureAnalysis("Hearth cannot open its encryption keys: " + cause.getMessage() + ".",
                "Give the master key passphrase with HEARTH_MASTER_PASSPHRASE or HEARTH_MASTER_PASSPHRASE_FILE, and make sure"
                        + " ${hearth.data-dir}/keys holds the master.key and master.kdf files that belong to this database"
                        + " (restore them from the key backup if needed).", cause);
    }
}
