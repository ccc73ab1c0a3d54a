package org.hellointernet.conformance.result;

/**
 * What was checked, as the reports describe it.
 *
 * @param role     {@code server} or {@code client}
 * @param kind     how it was reached: {@code command}, {@code address}, {@code reference}, {@code container}
 * @param command  the command line as given (with {@code {port}} etc. unfilled), or empty
 * @param address  {@code host:port} for an address target, or empty
 * @param language the submission's language as given with {@code --language}, or empty
 */
public record TargetInfo(String role, String kind, String command, String address, String language) {

    public TargetInfo {
        command = command == null ? "" : command;
        address = address == null ? "" : address;
        language = language == null ? "" : language;
    }
}
