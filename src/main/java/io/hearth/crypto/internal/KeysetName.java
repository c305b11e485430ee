package io.hearth.crypto.internal;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.nio.charset.StandardCharsets;

/** The data keysets, each stored encrypted under the master key in the crypto_keyset table. */
enum KeysetName {

    FIELDS("fields", PredefinedAeadParameters.AES256_GCM, true),
    FILES("files", PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB, true),
    BLIND_INDEX("blind-index", PredefinedPrfParameters.HMAC_SHA256_PRF, false);

    private final String storedName;
    private final Parameters parameters;
    private final boolean rotates;

    KeysetName(String storedName, Parameters parameters, boolean rotates) {
        this.storedName = storedName;
        this.parameters = parameters;
        this.rotates = rotates;
    }

    String storedName() {
        return storedName;
    }

    Parameters parameters() {
        return parameters;
    }

    boolean rotates() {
        return rotates;
    }

    /** Binds the wrapped keyset to its name, so keysets cannot be swapped in the table. */
    byte[] associatedData() {
        return ("hearth.crypto.keyset:" + storedName).getBytes(StandardCharsets.UTF_8);
    }
}
