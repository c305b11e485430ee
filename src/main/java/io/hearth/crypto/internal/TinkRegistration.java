package io.hearth.crypto.internal;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Tink's key managers are registered once per JVM; registering again is harmless but not free. */
final class TinkRegistration {

    private static volatile boolean done;

    private TinkRegistration() {
    }

    static synchronized void ensure() {
        if (done) {
            return;
        }
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            PrfConfig.register();
            done = true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its key types", e);
        }
    }
}
