package org.hellointernet.server;

/**
 * The client sent more than {@code maxBytes} bytes without a line feed; the decoder stopped buffering (SRV-LONG-LINE).
 *
 * @param maxBytes the longest line accepted, excluding its terminator
 */
public record LineTooLong(int maxBytes) {}
