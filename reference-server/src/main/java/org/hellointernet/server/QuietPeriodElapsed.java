package org.hellointernet.server;

/**
 * User event: bytes without a line feed are buffered and none arrived for the quiet period (SRV-NO-LF-HELLO).
 * The bytes stay buffered in the decoder; the handler answers them if they form a complete hello.
 *
 * @param partial a copy of the buffered bytes
 */
// the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
@SuppressWarnings("ArrayRecordComponent")
public record QuietPeriodElapsed(byte[] partial) {}
