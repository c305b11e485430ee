package io.hearth.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettingsException cause) {
        String list = String.join(System.lineSeparator(), cause.problems().stream().map(problem -> "  - " + problem).toList());
        return new FailureAnalysis("Hearth refuses to start with the prod profile:" + System.lineSeparator() + list,
                "Fix each setting above (see README.md, section Production), then start again.", cause);
    }
}
