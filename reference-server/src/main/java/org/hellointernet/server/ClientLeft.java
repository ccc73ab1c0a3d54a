package org.hellointernet.server;

/**
 * The client closed or reset the connection before a non-empty line was complete (SRV-EMPTY-CONN).
 *
 * @param bytesReceived how many bytes arrived in all, 0 for a connection that left without a byte
 * @param partial       bytes of an unfinished line that were still buffered (empty if none)
 */
// the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
@SuppressWarnings("ArrayRecordComponent")
public record ClientLeft(long bytesReceived, byte[] partial) {}
