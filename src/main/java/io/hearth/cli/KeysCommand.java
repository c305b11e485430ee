package io.hearth.cli;

import picocli.CommandLine.Command;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Encryption keys: rotation, status, re-encryption and backup of the key material.",
        subcommands = { KeysStatusCommand.class, KeysRotateCommand.class, KeysReencryptCommand.class, KeysExportBackupCommand.class })
class KeysCommand {
}
