package io.hearth.crypto.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id settings and salt of the passphrase key, kept as one line of text beside the master key file so the cost
 * can be raised for new installations without locking out old ones.
 */
record Argon2Kdf(int memoryKib, int iterations, int parallelism, byte[] salt) {

    /** OWASP's first recommended Argon2id setting is 19 MiB, 2 passes; this runs once per start, so we spend more. */
    static final Argon2Kdf.Cost DEFAULT_COST = new Cost(65536, 3, 1);

    private static final Pattern LINE = Pattern.compile("argon2id v=19 m=(\\d+) t=(\\d+) p=(\\d+) salt=([A-Za-z0-9+/=]+)");

    record Cost(int memoryKib, int iterations, int parallelism) {
    }

    static Argon2Kdf fresh(Cost cost, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Argon2Kdf(cost.memoryKib(), cost.iterations(), cost.parallelism(), salt);
    }

    static Argon2Kdf parse(String line) {
        Matcher matcher = LINE.matcher(line.strip());
        if (!matcher.matches()) {
            throw new IllegalStateException("The key derivation settings beside the master key file are damaged");
        }
        return new Argon2Kdf(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Base64.getDecoder().decode(matcher.group(4)));
    }

    String format() {
        return "argon2id v=19 m=" + memoryKib + " t=" + iterations + " p=" + parallelism + " salt=" + Base64.getEncoder().encodeToString(salt) + "\n";
    }

    byte[] derive(char[] passphrase) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] key = new byte[32];
        generator.generateBytes(passphrase, key);
        return key;
    }
}
