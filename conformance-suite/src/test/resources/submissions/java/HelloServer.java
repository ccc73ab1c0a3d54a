// A HelloInternet server in Java: one thread per connection; a 300 ms socket timeout is the quiet period.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

public class HelloServer {
    private static final Pattern HELLO = Pattern.compile("Hello in [^\\s\\x00-\\x1f\\x7f\\ufffd]{1,64}");

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void answer(OutputStream out, String line) throws IOException {
        if (HELLO.matcher(line).matches()) {
            System.out.println(line); // System.out flushes at each println
            out.write("Goodbye in Java\n".getBytes(StandardCharsets.UTF_8));
        } else {
            String got = line.substring(0, Math.min(line.length(), 100));
            out.write(("Error: expected \"Hello in <language>\", got \"" + got + "\"\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void handle(Socket conn) {
        try (conn) {
            conn.setSoTimeout(300);
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int idleMs = 0;
            while (true) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) { // quiet period: a complete hello without LF?
                    String rest = stripCr(buf.toString(StandardCharsets.UTF_8));
                    if (HELLO.matcher(rest).matches()) {
                        answer(out, rest);
                        return;
                    }
                    if ((idleMs += 300) > 30_000) {
                        return;
                    }
                    continue;
                }
                idleMs = 0;
                if (b == -1) { // the client closed (or half-closed) its side
                    String rest = stripCr(buf.toString(StandardCharsets.UTF_8));
                    if (!rest.isEmpty()) {
                        answer(out, rest);
                    }
                    return;
                }
                if (b == '\n') {
                    String line = stripCr(buf.toString(StandardCharsets.UTF_8));
                    buf.reset();
                    if (!line.isEmpty()) { // empty lines are ignored
                        answer(out, line);
                        return;
                    }
                } else if (buf.size() >= 1024) {
                    out.write("Error: line longer than 1024 bytes\n".getBytes(StandardCharsets.UTF_8));
                    return;
                } else {
                    buf.write(b);
                }
            }
        } catch (IOException e) { // reset by the client...
            System.err.println("connection error: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        int port = -1;
        try {
            port = args.length == 1 ? Integer.parseInt(args[0]) : -1;
        } catch (NumberFormatException e) {
            // usage below
        }
        if (port < 1 || port > 65535) {
            System.err.println("usage: java HelloServer PORT");
            System.exit(2);
        }
        try (ServerSocket server = new ServerSocket(port)) {
            System.err.println("listening on port " + port);
            while (true) {
                Socket conn = server.accept();
                new Thread(() -> handle(conn)).start();
            }
        } catch (IOException e) {
            System.err.println("server: cannot listen on port " + port + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
