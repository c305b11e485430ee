package io.hearth.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the portal (the default). Spring settings may follow, e.g. --server.port=9443.")
class ServeCommand implements Runnable {

    private final Class<?> application;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    ServeCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public void run() {
        SpringApplication.run(application, springArguments.toArray(String[]::new));
    }
}
