package io.hearth;

import io.hearth.cli.HearthCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HearthApplication {

    public static void main(String[] args) {
        HearthCommandLine.run(HearthApplication.class, args);
    }
}
