// A HelloInternet client in Java: tries every address HOST resolves to, in order.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class HelloClient {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java HelloClient HOST PORT");
            System.exit(2);
        }
        String host = args[0].replaceAll("^\\[(.*)\\]$", "$1");
        int port = Integer.parseInt(args[1]);
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 10_000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write("Hello in Java\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String reply = in.readLine(); // up to LF (or CR LF), or the end of the connection
                if (reply == null) {
                    System.err.println("client: the server closed the connection without a reply");
                    System.exit(1);
                }
                System.out.println(reply);
                return;
            } catch (java.net.ConnectException e) {
                last = e; // refused: try the next address
            } catch (java.net.SocketTimeoutException e) {
                System.err.println("client: no reply from " + host + " port " + port + " within 10 s");
                System.exit(1);
            }
        }
        System.err.println("client: cannot connect to " + host + " port " + port + ": " + last);
        System.exit(1);
    }
}
