package org.hellointernet.server;

/**
 * The first non-empty line of a connection, as {@link HelloLineDecoder} framed it.
 *
 * @param bytes             the line without its terminator (and without the CR of a CRLF)
 * @param ending            how the line ended
 * @param emptyLinesSkipped how many empty lines (LF or CRLF alone) came before it and were ignored
 */
// the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
@SuppressWarnings("ArrayRecordComponent")
public record ReceivedLine(byte[] bytes, LineEnding ending, int emptyLinesSkipped) {}
