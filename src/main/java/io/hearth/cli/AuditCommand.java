package io.hearth.cli;

import io.hearth.audit.AuditTrail;
import io.hearth.audit.ChainVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail.",
        subcommands = { AuditCommand.Verify.class })
class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walks the audit chain; names the first entry that was changed, removed, inserted or reordered.")
    static class Verify implements Callable<Integer> {

        private final Class<?> application;

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> springArguments = new ArrayList<>();

        Verify(Class<?> application) {
            this.application = application;
        }

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .run(springArguments.toArray(String[]::new))) {
                ChainVerification result = context.getBean(AuditTrail.class).verify();
                if (result.intact()) {
                    spec.commandLine().getOut().printf("Audit chain intact: %d entries checked, sealed up to entry %d.%n",
                            result.entriesChecked(), result.lastCheckpointSequence());
                    return 0;
                }
                spec.commandLine().getErr().printf("Audit chain BROKEN at entry %d: %s. Intact and sealed up to entry %d.%n",
                        result.firstBadSequence(), result.problem(), result.lastCheckpointSequence());
                return 3;
            }
        }
    }
}
