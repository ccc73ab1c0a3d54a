package org.hellointernet.conformance.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback server for tests that behaves badly on purpose: reads the hello line, then sends {@code reply}
 * (null: nothing) and closes, or, if {@code holdOpen}, keeps the connection until the test ends.
 */
final class TinyServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread acceptor;

    TinyServer(String reply, boolean holdOpen) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        acceptor = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try (Socket socket = listener.accept()) {
                            socket.setSoTimeout(2000);
                            readLine(socket.getInputStream());
                            if (reply != null) {
                                OutputStream out = socket.getOutputStream();
                                out.write(reply.getBytes(StandardCharsets.UTF_8));
                                out.flush();
                            }
                            while (holdOpen && !listener.isClosed()) {
                                Thread.sleep(10);
                            }
                        } catch (IOException e) {
                            // the test closed the listener, or the generator gave up on a connection: next one
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "tiny-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private static void readLine(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // skip to the end of the hello
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }
}
