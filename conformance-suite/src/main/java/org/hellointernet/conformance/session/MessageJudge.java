package org.hellointernet.conformance.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Lines;
import org.hellointernet.protocol.Profile;
import org.hellointernet.protocol.Visible;

/** Judges a received hello or reply against the spec and explains a mismatch in a student's words. */
final class MessageJudge {

    private MessageJudge() {}

    /** The line's text without its LF and one CR; empty if the bytes are not valid UTF-8. */
    static Optional<String> text(byte[] bytes) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end))
                    .toString();
            return Optional.of(Lines.stripCr(s));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a reply line. {@code clientLanguage} is the X the harness sent; {@code serverLanguage} the S expected,
     * or null for any.
     */
    static void reply(byte[] bytes, Profile profile, String clientLanguage, String serverLanguage) throws StepFailure {
        String expected = serverLanguage == null
                ? Goodbye.format(profile).replace("<client language>", clientLanguage)
                : new Goodbye(profile, clientLanguage, serverLanguage).line();
        String shown = Visible.quotedLine(bytes);
        Optional<String> text = text(bytes);
        if (text.isEmpty()) {
            throw new StepFailure("the reply is not valid UTF-8 text", expected, shown);
        }
        String line = text.get();
        if (line.contains("\r")) {
            throw new StepFailure("the reply contains a carriage return (\\r) inside the line", expected, shown);
        }
        Optional<Goodbye> goodbye = Goodbye.parse(profile, line);
        if (goodbye.isEmpty()) {
            throw new StepFailure(explainFormat(line, profile), expected, shown);
        }
        Goodbye g = goodbye.get();
        if (profile == Profile.CHALLENGE && !g.clientLanguage().equals(clientLanguage)) {
            throw new StepFailure(
                    "the reply names the client's language as \"" + Visible.of(g.clientLanguage())
                            + "\", but the client said \"Hello in " + clientLanguage + "\": copy X from the hello",
                    expected,
                    shown);
        }
        if (serverLanguage != null && !g.serverLanguage().equals(serverLanguage)) {
            throw new StepFailure(
                    "the reply names the server's language \"" + g.serverLanguage() + "\", but --language says "
                            + serverLanguage,
                    expected,
                    shown);
        }
    }

    /**
     * Checks a reply for rules about something other than its format (SRV-REPLY judges that): any line that is not
     * an error, without a CR inside, and, in profile challenge, naming the client's X if it parses as a reply.
     */
    static void lenientReply(byte[] bytes, Profile profile, String clientLanguage) throws StepFailure {
        String expected = "a reply such as " + Goodbye.format(profile).replace("<client language>", clientLanguage);
        String shown = Visible.quotedLine(bytes);
        String line = text(bytes).orElse(null);
        if (line == null) {
            throw new StepFailure("the reply is not valid UTF-8 text", expected, shown);
        }
        if (line.isBlank()) {
            throw new StepFailure("the reply is an empty line", expected, shown);
        }
        if (line.startsWith("Error")) {
            throw new StepFailure("the server answered with an error instead of a reply", expected, shown);
        }
        if (line.contains("\r")) {
            throw new StepFailure("the reply contains a carriage return (\\r) inside the line", expected, shown);
        }
        Optional<Goodbye> g = Goodbye.parse(profile, line);
        if (profile == Profile.CHALLENGE
                && g.isPresent()
                && !g.get().clientLanguage().equals(clientLanguage)) {
            throw new StepFailure(
                    "the reply names the client's language as \""
                            + Visible.of(g.get().clientLanguage()) + "\", but the client said \"Hello in "
                            + clientLanguage + "\"",
                    expected,
                    shown);
        }
    }

    /** Checks a hello; {@code language} is the expected X, or null for any valid token. Returns X. */
    static String hello(byte[] bytes, String language) throws StepFailure {
        String expected = language == null ? "Hello in <language>" : "Hello in " + language;
        String shown = Visible.quotedLine(bytes);
        Optional<String> text = text(bytes);
        if (text.isEmpty()) {
            throw new StepFailure("the hello is not valid UTF-8 text", expected, shown);
        }
        Optional<Hello> hello = Hello.parse(text.get());
        if (hello.isEmpty()) {
            throw new StepFailure(explainHello(text.get()), expected, shown);
        }
        if (language != null && !hello.get().language().equals(language)) {
            throw new StepFailure(
                    "the hello names \"" + hello.get().language() + "\", but --language says " + language,
                    expected,
                    shown);
        }
        return hello.get().language();
    }

    private static String explainFormat(String line, Profile profile) {
        if (line.isEmpty()) {
            return "the reply is an empty line";
        }
        Profile other = profile == Profile.BASIC ? Profile.CHALLENGE : Profile.BASIC;
        if (Goodbye.parse(other, line).isPresent()) {
            return "the reply is in the " + other.id() + " profile's format, but this check uses profile "
                    + profile.id() + " (choose it with --profile " + other.id() + " if that is your assignment)";
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("goodbye") && !line.startsWith("Goodbye")) {
            return "the reply must start with \"Goodbye\" with a capital G: case matters";
        }
        if (line.contains("  ") || line.startsWith(" ") || line.endsWith(" ")) {
            return "the reply has extra spaces: words are separated by exactly one space, none at the ends";
        }
        return "the reply is not in the " + profile.id() + " profile's format \"" + Goodbye.format(profile) + "\"";
    }

    private static String explainHello(String line) {
        if (line.isEmpty()) {
            return "the hello is an empty line";
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("hello in") && !line.startsWith("Hello in")) {
            return "the hello must be \"Hello in X\" with a capital H and lower-case \"in\": case matters";
        }
        if (line.contains("  ") || line.endsWith(" ") || line.startsWith(" ")) {
            return "the hello has extra spaces: exactly one space between words, none at the ends";
        }
        if (line.startsWith("Hello in ")) {
            return "the language after \"Hello in \" must be one word without spaces (e.g. C#, Python-Jupyter)";
        }
        return "the hello is not \"Hello in <language>\"";
    }
}
