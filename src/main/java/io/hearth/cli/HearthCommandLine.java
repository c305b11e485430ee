package io.hearth.cli;

import picocli.CommandLine;

/**
 * Entry point of {@code java -jar hearth.jar}. Picocli parses the command; with no command (or only Spring
 * settings such as --server.port=9443) the portal is served, so {@code ./mvnw spring-boot:run} just works.
 */
public final class HearthCommandLine {

    private HearthCommandLine() {
    }

    public static void run(String[] args) {
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        CommandLine commandLine = commandLine();
        int exitCode = commandLine.execute(args);
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        boolean serving = exitCode == 0 && parsed != null && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()
                && (parsed.subcommand() == null || parsed.subcommand().commandSpec().userObject() instanceof ServeCommand);
        if (!serving) {
            System.exit(exitCode);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new HearthCommand())
                .setUnmatchedOptionsArePositionalParams(false)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
