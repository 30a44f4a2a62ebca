package org.narformer.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = NarFormerCli.class.getPackage().getImplementationVersion();
        return new String[] {"narformer " + (v == null ? "dev" : v)};
    }
}
