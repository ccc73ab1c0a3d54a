package org.hellointernet.conformance.app;

/** {@code HOST:PORT}, with IPv6 literals in brackets: {@code [::1]:5000}. */
public record HostPort(String host, int port) {

    /**
     * Parses {@code --server-addr}.
     *
     * @throws UsageException if it is not HOST:PORT with a port of 1 to 65535
     */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UsageException("expected HOST:PORT, e.g. localhost:5000 or [::1]:5000, not \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new UsageException("write an IPv6 address in brackets: [" + host + "]:" + text.substring(colon + 1));
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("the port in \"" + text + "\" is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("the port must be 1 to 65535, not " + port);
        }
        return new HostPort(host, port);
    }
}
