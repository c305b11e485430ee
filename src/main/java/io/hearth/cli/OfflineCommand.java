package io.hearth.cli;

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
}
