package io.hearth.cli;

import picocli.CommandLine.IVersionProvider;

class HearthVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = HearthVersion.class.getPackage().getImplementationVersion();
        return new String[] { "Hearth " + (version == null ? "(development build)" : version) };
    }
}
