package io.hearth.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "hearth", mixinStandardHelpOptions = true, versionProvider = HearthVersion.class,
        description = "Hearth, a secure patient portal. With no command, serves the portal.",
        subcommands = { ServeCommand.class, AdminCommand.class, KeysCommand.class, AuditCommand.class, ImportCommand.class })
class HearthCommand implements Runnable {

    private final Class<?> application;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    HearthCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public void run() {
        ServeCommand serve = new ServeCommand(application);
        serve.springArguments = springArguments;
        serve.run();
    }
}
