package org.hellointernet.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding: bytes that are not valid UTF-8 are not text (and so not a hello). */
final class Utf8 {

    private Utf8() {}

    static Optional<String> decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return decodeNonAscii(bytes);
            }
        }
        return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }

    private static Optional<String> decodeNonAscii(byte[] bytes) {
        try {
            // a fresh decoder reports malformed input instead of replacing it
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
