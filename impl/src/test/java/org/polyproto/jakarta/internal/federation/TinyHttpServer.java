package org.polyproto.jakarta.internal.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test-only: a loopback HTTP server that answers one connection with whatever the test writes. */
final class TinyHttpServer implements AutoCloseable {

    interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    final CompletableFuture<String> request = new CompletableFuture<>();

    private TinyHttpServer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** Answers the first connection after reading its request head. */
    static TinyHttpServer answering(Answer answer) throws IOException {
        return start(answer, true);
    }

    /** Answers the first connection at once, without reading anything (e.g. to a TLS client). */
    static TinyHttpServer raw(Answer answer) throws IOException {
        return start(answer, false);
    }

    private static TinyHttpServer start(Answer answer, boolean readRequest) throws IOException {
        TinyHttpServer tiny = new TinyHttpServer();
        Thread thread = new Thread(() -> tiny.serve(answer, readRequest), "tiny-http");
        thread.setDaemon(true);
        thread.start();
        return tiny;
    }

    /** A server that is never asked to accept: {@link #acceptedWithin} tells whether anyone connected. */
    static TinyHttpServer silent() throws IOException {
        return new TinyHttpServer();
    }

    URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + path);
    }

    int port() {
        return server.getLocalPort();
    }

    boolean acceptedWithin(int millis) throws IOException {
        server.setSoTimeout(millis);
        try (Socket ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    String requestHead() throws Exception {
        return request.get(5, TimeUnit.SECONDS);
    }

    private void serve(Answer answer, boolean readRequest) {
        try (Socket socket = server.accept()) {
            request.complete(readRequest ? readHead(socket.getInputStream()) : "");
            OutputStream out = socket.getOutputStream();
            answer.write(out);
            out.flush();
        } catch (Exception e) {
            request.complete("failed: " + e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
