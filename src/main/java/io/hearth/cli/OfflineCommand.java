package io.hearth.cli;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Boots Hearth without the web server on the configured database and data folder, then runs one operation. */
abstract class OfflineCommand implements Callable<Integer> {

    private final Class<?> application;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /** @param application the Spring Boot application class, handed in by the command line's factory */
    OfflineCommand(Class<?> application) {
        this.application = application;
    }

    /** Checks made before Spring starts, e.g. reading a password; a non-zero exit code stops the command there. */
    int beforeStart() throws Exception {
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        int early = beforeStart();
        if (early != 0) {
            return early;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(springArguments.toArray(String[]::new))) {
            return run(context, spec.commandLine().getOut());
        }
    }

    abstract int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;

    /** Records what an operator did from the command line; the actor is the operating-system account. */
    static void audit(ConfigurableApplicationContext context, AuditAction action, String what) {
        context.getBean(AuditLog.class).record(AuditEvent.of(action, AuditOutcome.SUCCESS)
                .by(Actor.system("command-line:" + System.getProperty("user.name"))).because(what));
    }
}
