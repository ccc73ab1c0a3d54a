package org.hellointernet.conformance.cli;

import org.hellointernet.conformance.container.NetworkMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --network host|published}. */
final class NetworkModeConverter implements ITypeConverter<NetworkMode> {

    @Override
    public NetworkMode convert(String value) {
        try {
            return NetworkMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
