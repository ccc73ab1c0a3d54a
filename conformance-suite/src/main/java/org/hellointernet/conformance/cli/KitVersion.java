package org.hellointernet.conformance.cli;

import org.hellointernet.protocol.Protocol;
import picocli.CommandLine.IVersionProvider;

/** Version line for {@code --version}: the kit's build and the protocol version it implements. */
public final class KitVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String kit = KitVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "HelloInternet kit " + (kit == null ? "(development build)" : kit), "protocol version " + Protocol.VERSION
        };
    }
}
