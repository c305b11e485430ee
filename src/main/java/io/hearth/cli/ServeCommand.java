package io.hearth.cli;

import io.hearth.HearthApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the portal (the default). Spring settings may follow, e.g. --server.port=9443.")
class ServeCommand implements Runnable {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    ServeCommand() {
    }

    ServeCommand(List<String> springArguments) {
        this.springArguments = springArguments;
    }

    @Override
    public void run() {
        SpringApplication.run(HearthApplication.class, springArguments.toArray(String[]::new));
    }
}
