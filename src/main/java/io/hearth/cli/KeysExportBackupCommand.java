package io.hearth.cli;

import io.hearth.audit.AuditAction;
import io.hearth.crypto.KeyBackup;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-backup", mixinStandardHelpOptions = true,
        description = "Writes the encrypted keysets and the wrapped master key to a zip file (owner-only). No plaintext key"
                + " is written; the master passphrase is needed to use the backup and must be kept separately.")
class KeysExportBackupCommand extends OfflineCommand {

    KeysExportBackupCommand(Class<?> application) {
        super(application);
    }

    @Option(names = "--out", required = true, description = "The zip file to write; must not exist yet.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            spec.commandLine().getErr().println("Not written: " + out + " already exists.");
            return 1;
        }
        return super.call();
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter printer) throws Exception {
        context.getBean(KeyBackup.class).export(out);
        audit(context, AuditAction.ADMIN_ACTION, "key material backup exported");
        printer.println("Wrote the key material backup to " + out + ". Keep it apart from the database backups,"
                + " and the master passphrase apart from both.");
        return 0;
    }
}
