package io.hearth.cli;

import io.hearth.audit.AuditAction;
import io.hearth.crypto.KeyRotation;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Adds a new primary key to the field and file keysets; old keys stay so existing data still decrypts."
                + " A running portal switches to the new key within a minute. Follow with 'keys reencrypt'.")
class KeysRotateCommand extends OfflineCommand {

    KeysRotateCommand(Class<?> application) {
        super(application);
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) {
        var status = context.getBean(KeyRotation.class).rotate();
        audit(context, AuditAction.KEY_ROTATION, "keys rotate");
        out.println("Rotated. Back up the key material again ('keys export-backup').");
        KeysetStatusPrinter.print(status, out);
        return 0;
    }
}
