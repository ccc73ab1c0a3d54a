package org.hellointernet.conformance.result;

/**
 * What was checked, as the reports describe it.
 *
 * @param role     {@code server} or {@code client}
 * @param kind     how it was reached: {@code command}, {@code address}, {@code reference}, {@code container}
 * @param command  the command line as given (with {@code {port}} etc. unfilled), or empty
 * @param address  {@code host:port} for an address target, or empty
 * @param language the submission's language as given with {@code --language}, or empty
 * @param image    for {@code container}: the image the program ran in, and how ({@code IMAGE, sandbox ...}); else empty
 * @param submission the submission folder's name ({@code python} for {@code hello check python/}), or empty
 * @param source   the program's source file as a path from where the check ran ({@code python/server.py}), when the
 *                 folder's command names it; else empty
 */
public record TargetInfo(
        String role,
        String kind,
        String command,
        String address,
        String language,
        String image,
        String submission,
        String source) {

    public TargetInfo {
        command = command == null ? "" : command;
        address = address == null ? "" : address;
        language = language == null ? "" : language;
        image = image == null ? "" : image;
        submission = submission == null ? "" : submission;
        source = source == null ? "" : source;
    }

    /** A target that is not a submission folder's program. */
    public TargetInfo(String role, String kind, String command, String address, String language, String image) {
        this(role, kind, command, address, language, image, "", "");
    }

    /** A target that did not run in a container. */
    public TargetInfo(String role, String kind, String command, String address, String language) {
        this(role, kind, command, address, language, "");
    }
}
