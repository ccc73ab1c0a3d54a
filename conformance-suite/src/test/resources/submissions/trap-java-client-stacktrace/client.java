// client.java - HelloInternet client
// javac client.java && java client HOST PORT
import java.io.*;
import java.net.*;

public class client {
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[1].matches("\\d{1,5}") || Integer.parseInt(args[1]) < 1
                || Integer.parseInt(args[1]) > 65535) {
            System.err.println("Usage: java client HOST PORT");
            System.exit(2);
        }
        String host = args[0].replaceAll("^\\[(.*)\\]$", "$1");
        int port = Integer.parseInt(args[1]);

        Socket socket = null;
        IOException lastError = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress(address, port), 10000);
                break;
            } catch (SocketTimeoutException e) {
                System.err.println("Client: no connection to " + host + " port " + port + " after 10 s");
                System.exit(1);
            } catch (IOException e) {
                lastError = e;
                socket = null;
            }
        }
        if (socket == null) {
            throw lastError;
        }

        socket.setSoTimeout(10000);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), "UTF-8"));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        out.print("Hello in Java\n");
        out.flush();
        String reply;
        try {
            reply = in.readLine();   // a line without \n at the close is returned too
        } catch (SocketTimeoutException e) {
            System.err.println("Client: no reply from " + host + " port " + port + " within 10 s");
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("Client: connection lost: " + e.getMessage());
            System.exit(1);
            return;
        }
        socket.close();
        if (reply == null) {
            System.err.println("Client: server closed the connection without answering");
            System.exit(1);
        }
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        stdout.println(reply);
    }
}
