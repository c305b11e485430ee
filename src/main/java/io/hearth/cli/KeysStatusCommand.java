package io.hearth.cli;

import io.hearth.crypto.KeyRotation;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Lists each keyset's keys and how many stored values each key protects.")
class KeysStatusCommand extends OfflineCommand {

    KeysStatusCommand(Class<?> application) {
        super(application);
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) {
        KeysetStatusPrinter.print(context.getBean(KeyRotation.class).status(), out);
        return 0;
    }
}
