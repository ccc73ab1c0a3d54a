package org.hellointernet.conformance.isolation;

/**
 * Small Python programs for the sandbox's tests: a server whose connections show what the tunnel carries (bytes, a
 * half-close, a reset either way), and a probe that tries what a hostile submission would try.
 */
public final class Hostile {

    private Hostile() {}

    /**
     * A server on 127.0.0.1:argv[1]: after the client half-closes it answers {@code got DATA from ADDRESS} and closes;
     * after a line {@code RST} it sends {@code bye} and resets; a client's reset it prints as
     * {@code reset seen after DATA}.
     */
    public static final String ECHO_SERVER = """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen()
            while True:
                c, a = s.accept()
                data = b''
                try:
                    while True:
                        b = c.recv(4096)
                        if not b: break
                        data += b
                        if data.endswith(b'RST\\n'):
                            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b'\\1\\0\\0\\0\\0\\0\\0\\0')
                            c.sendall(b'bye'); c.close(); c = None; break
                except ConnectionResetError:
                    print('reset seen after', data, flush=True); continue
                if c:
                    c.sendall(b'got ' + data + b' from ' + a[0].encode()); c.close()
            """;

    /**
     * {@code probe.py CANARY_PORT [server PORT | client HOST PORT]}: tries the canary listener on this machine's
     * 127.0.0.1 and localhost, lists the network interfaces and IPv4 routes it has, opens a raw socket, writes to
     * {@code /etc}, and prints each result on a line starting with {@code probe:}. Then, as a server, listens on PORT
     * and answers each connection with everything it printed; as a client, connects to HOST PORT and sends it.
     */
    public static final String PROBE = """
            import os, socket, sys
            def probe(host, port):
                try:
                    s = socket.create_connection((host, port), timeout=2)
                    return 'REACHED %r' % s.recv(100)
                except OSError as e:
                    return 'blocked (%s)' % type(e).__name__
            lines = []
            def say(*words):
                lines.append('probe: ' + ' '.join(str(w) for w in words))
                print(lines[-1], flush=True)
            canary = int(sys.argv[1])
            say('uid', os.getuid())
            say('canary 127.0.0.1', probe('127.0.0.1', canary))
            say('canary localhost', probe('localhost', canary))
            say('interfaces', ' '.join(sorted(l.split(':')[0].strip() for l in open('/proc/net/dev').readlines()[2:])))
            say('ipv4 routes', len(open('/proc/net/route').readlines()) - 1)
            try:
                socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP); say('raw socket OPENED')
            except OSError as e:
                say('raw socket refused')
            try:
                open('/etc/hello-probe', 'w').write('x'); say('wrote /etc')
            except OSError:
                say('cannot write /etc')
            report = ('\\n'.join(lines) + '\\n').encode()
            if len(sys.argv) > 2 and sys.argv[2] == 'server':
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(('127.0.0.1', int(sys.argv[3]))); s.listen()
                while True:
                    c, _ = s.accept(); c.sendall(report); c.close()
            elif len(sys.argv) > 2 and sys.argv[2] == 'client':
                c = socket.create_connection((sys.argv[3], int(sys.argv[4])), timeout=5)
                c.sendall(report); c.close()
            """;
}
