package org.hellointernet.conformance.result;

/**
 * One event of a rule's session.
 *
 * @param atMillis   milliseconds since the session started
 * @param direction  who produced it
 * @param connection name of the connection it happened on ({@code a}, {@code b}...), or empty
 * @param text       what happened; bytes are already rendered with {@code Visible} so invisible ones show
 */
public record TranscriptEntry(long atMillis, Direction direction, String connection, String text) {

    public TranscriptEntry {
        connection = connection == null ? "" : connection;
    }
}
