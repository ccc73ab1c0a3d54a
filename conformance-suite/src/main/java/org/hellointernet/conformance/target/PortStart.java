package org.hellointernet.conformance.target;

/**
 * A server started on a port the harness picked.
 *
 * @param port    the port its {@code {port}} was filled with
 * @param started whether it listens there, or why not
 */
public record PortStart(int port, Started started) {}
