package org.hellointernet.conformance.cli;

import org.hellointernet.protocol.Profile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code basic} / {@code challenge} on the command line. */
public final class ProfileConverter implements ITypeConverter<Profile> {

    @Override
    public Profile convert(String value) {
        try {
            return Profile.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
