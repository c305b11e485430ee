package io.hearth.cli;

import io.hearth.crypto.KeysetStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Boots Hearth without the web server on the configured database and data folder, then runs one key operation. */
abstract class KeysSubcommand implements Callable<Integer> {

    private final Class<?> application;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /** @param application the Spring Boot application class, handed in by the command line's factory */
    KeysSubcommand(Class<?> application) {
        this.application = application;
    }

    /**
     * For picocli's default factory, until the command line hands the application class to every command; found by
     * name so that cli does not depend on the root package.
     */
    KeysSubcommand() {
        this(applicationClass());
    }

    private static Class<?> applicationClass() {
        try {
            return Class.forName("io.hearth.HearthApplication");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(springArguments.toArray(String[]::new))) {
            return run(context, spec.commandLine().getOut());
        }
    }

    abstract int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;

    static void print(List<KeysetStatus> status, PrintWriter out) {
        for (KeysetStatus keyset : status) {
            out.printf("%-12s primary key %s, %d key(s)%n", keyset.keyset(), id(keyset.primaryKeyId()), keyset.keyIds().size());
            for (int keyId : keyset.keyIds()) {
                Long values = keyset.valuesPerKey().get(keyId);
                out.printf("    key %-10s %s%s%n", id(keyId), keyId == keyset.primaryKeyId() ? "primary" : "old    ",
                        values == null ? "" : "  " + values + " value(s)");
            }
            keyset.valuesPerKey().forEach((keyId, values) -> {
                if (!keyset.keyIds().contains(keyId)) {
                    out.printf("    key %-10s MISSING  %d value(s) cannot be decrypted%n", id(keyId), values);
                }
            });
            if (keyset.valuesUnderOldKeys() > 0) {
                out.printf("    %d value(s) under old keys; run 'keys reencrypt'%n", keyset.valuesUnderOldKeys());
            }
        }
        out.flush();
    }

    /** Tink key ids are unsigned 32-bit numbers. */
    private static String id(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

}
