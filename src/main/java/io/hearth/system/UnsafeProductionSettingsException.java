package io.hearth.system;

import java.util.List;

class UnsafeProductionSettingsException extends RuntimeException {

    private final List<String> problems;

    UnsafeProductionSettingsException(List<String> problems) {
        super("Hearth refuses to start with the prod profile: " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
