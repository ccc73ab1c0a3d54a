package org.hellointernet.client;

import java.net.InetSocketAddress;

/**
 * One address of the host that could not be connected to before another one worked.
 *
 * @param address the address tried
 * @param reason  why it failed, in plain words (e.g. {@code connection refused})
 */
public record FailedAttempt(InetSocketAddress address, String reason) {}
