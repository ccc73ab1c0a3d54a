package org.hellointernet.conformance.bench;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Profile;

/**
 * Decides whether what a server sent before closing is one correct reply line: {@code Goodbye in S\n}
 * (or the challenge form {@code Goodbye X from S\n}), valid UTF-8, ending in LF, nothing after it.
 * Remembers the last correct reply so that the usual case costs one array comparison.
 */
final class ReplyCheck {

    private volatile byte[] lastGood = new byte[0];

    boolean isGoodbye(byte[] bytes, int length) {
        byte[] known = lastGood;
        if (length > 0 && length == known.length && Arrays.equals(bytes, 0, length, known, 0, length)) {
            return true;
        }
        if (length == 0 || bytes[length - 1] != '\n') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            if (bytes[i] == '\n') {
                return false;
            }
        }
        String line;
        try {
            line = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length - 1))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        boolean good = Goodbye.parse(Profile.BASIC, line).isPresent()
                || Goodbye.parse(Profile.CHALLENGE, line).isPresent();
        if (good) {
            lastGood = Arrays.copyOf(bytes, length);
        }
        return good;
    }
}
