package io.hearth.cli;

import picocli.CommandLine.Command;

@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administration on the configured database.",
        subcommands = { CreateAdministratorCommand.class })
class AdminCommand {
}
