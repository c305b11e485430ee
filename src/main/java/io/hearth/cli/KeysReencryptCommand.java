package io.hearth.cli;

import io.hearth.audit.AuditAction;
import io.hearth.crypto.KeyRotation;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "reencrypt", mixinStandardHelpOptions = true,
        description = "Rewrites every encrypted field that is under an old key with the current primary key, in batches.")
class KeysReencryptCommand extends OfflineCommand {

    KeysReencryptCommand(Class<?> application) {
        super(application);
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) {
        KeyRotation rotation = context.getBean(KeyRotation.class);
        long rewritten = rotation.reencrypt((done, total) -> {
            out.print("\r" + ProgressBar.render(done, total));
            out.flush();
        });
        out.println();
        out.println("Re-encrypted " + rewritten + " value(s).");
        audit(context, AuditAction.KEY_ROTATION, "keys reencrypt: " + rewritten + " value(s)");
        KeysetStatusPrinter.print(rotation.status(), out);
        return 0;
    }
}
