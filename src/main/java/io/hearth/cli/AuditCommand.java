package io.hearth.cli;

import io.hearth.audit.AuditTrail;
import io.hearth.audit.ChainVerification;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail.",
        subcommands = { AuditCommand.Verify.class })
class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walks the audit chain; names the first entry that was changed, removed, inserted or reordered.")
    static class Verify extends OfflineCommand {

        Verify(Class<?> application) {
            super(application);
        }

        @Override
        int run(ConfigurableApplicationContext context, PrintWriter out) {
            ChainVerification result = context.getBean(AuditTrail.class).verify();
            if (result.intact()) {
                out.printf("Audit chain intact: %d entries checked, sealed up to entry %d.%n", result.entriesChecked(),
                        result.lastCheckpointSequence());
                out.flush();
                return 0;
            }
            spec.commandLine().getErr().printf("Audit chain BROKEN at entry %d: %s. Intact and sealed up to entry %d.%n",
                    result.firstBadSequence(), result.problem(), result.lastCheckpointSequence());
            spec.commandLine().getErr().flush();
            return 3;
        }
    }
}
