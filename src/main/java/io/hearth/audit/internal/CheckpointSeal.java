package io.hearth.audit.internal;

import io.hearth.crypto.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** A keyed MAC over a checkpoint (the crypto module's PRF): without the key, nobody can re-seal a rewritten chain. */
@Component
class CheckpointSeal {

    private static final String PURPOSE = "audit.checkpoint";
    private final BlindIndex prf;

    CheckpointSeal(BlindIndex prf) {
        this.prf = prf;
    }

    String seal(long seq, String entryHash) {
        return prf.of(PURPOSE, seq + ":" + entryHash);
    }

    boolean verify(long seq, String entryHash, String seal) {
        return MessageDigest.isEqual(seal(seq, entryHash).getBytes(StandardCharsets.US_ASCII), seal.getBytes(StandardCharsets.US_ASCII));
    }
}
