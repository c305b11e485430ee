package io.hearth.cli;

import picocli.CommandLine;

/**
 * Entry point of {@code java -jar hearth.jar}. Picocli parses the command; with no command (or only Spring
 * settings such as --server.port=9443) the portal is served, so {@code ./mvnw spring-boot:run} just works.
 */
public final class HearthCommandLine {

    private HearthCommandLine() {
    }

    /** @param application the Spring Boot application class that commands start (passed in to keep cli free of a cycle) */
    public static void run(Class<?> application, String[] args) {
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        CommandLine commandLine = commandLine(application);
        int exitCode = commandLine.execute(args);
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        boolean serving = exitCode == 0 && parsed != null && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()
                && (parsed.subcommand() == null || parsed.subcommand().commandSpec().userObject() instanceof ServeCommand);
        if (!serving) {
            System.exit(exitCode);
        }
    }

    static CommandLine commandLine(Class<?> application) {
        return new CommandLine(HearthCommand.class, new ApplicationAwareFactory(application))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Hands the application class to every command that has a constructor taking it. */
    private record ApplicationAwareFactory(Class<?> application) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(Class.class);
                constructor.setAccessible(true);
                return constructor.newInstance(application);
            } catch (NoSuchMethodException noApplicationConstructor) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
