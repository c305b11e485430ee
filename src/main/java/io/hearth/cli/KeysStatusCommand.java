package io.hearth.cli;

import io.hearth.crypto.KeyRotation;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Lists each keyset's keys and how many stored values each key protects.")
class KeysStatusCommand extends KeysSubcommand {

    KeysStatusCommand() {
    }

    KeysStatusCommand(Class<?> application) {
        super(application);
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) {
        print(context.getBean(KeyRotation.class).status(), out);
        return 0;
    }
}
