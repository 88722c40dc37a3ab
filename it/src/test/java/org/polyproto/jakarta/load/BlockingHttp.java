package org.polyproto.jakarta.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load driver's HTTP/1.1 client: one keep-alive connection on a blocking socket, used by one thread, as wrk and
 * similar load generators do. {@code java.net.http.HttpClient} hands every exchange between the calling thread, its
 * selector thread and its executor; on the core the driver shares with PostgreSQL that cost more CPU per identify
 * than PostgreSQL itself. The driver's CPU is not what the load run measures, so it should take as little as it can.
 * <p>
 * Requests carry the headers {@code java.net.http} sent ({@code Host}, {@code Content-Length}, {@code User-Agent}),
 * and {@code Authorization} when given a token, so that the server does the work it did for the earlier figures:
 * Open Liberty 26.0.0.5's cost per request moved with these headers (README, "Performance"). Answers are read by {@code Content-Length} or chunked; a
 * connection the server closes ({@code Connection: close}, or found closed before an answer) is opened again.
 */
final class BlockingHttp implements AutoCloseable {

    /** An answer: its status and its body as UTF-8. */
    record Reply(int status, String body) {
    }

    private static final String USER_AGENT = "Java-http-client/" + System.getProperty("java.version");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BlockingHttp(URI base) {
        this.base = base;
    }

    Reply send(String method, String path, String body, String token) throws IOException {
        byte[] request = request(method, path, body, token);
        for (boolean retried = false; ; retried = true) {
            boolean reused = socket != null;
            try {
                return exchange(request);
            } catch (IOException e) {
                close();
                if (!(e instanceof StaleConnection) || !reused || retried) {
                    throw e;
                }
            }
        }
    }

    private byte[] request(String method, String path, String body, String token) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(base.getRawPath())
                .append(path).append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\nUser-Agent: ").append(USER_AGENT)
                .append("\r\n");
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(payload, 0, request, headBytes.length, payload.length);
        return request;
    }

    private Reply exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }
        String statusLine;
        try {
            out.write(request);
            out.flush();
            statusLine = line(true);
        } catch (StaleConnection e) {
            throw e;
        } catch (IOException e) {
            throw new StaleConnection(e);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 256);
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line(false);
            }
            for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length, body);
        } else if (status != 204 && status != 304) {
            in.transferTo(body);
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
        String size = line(false);
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, length))];
        for (long left = length; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the answer ended early");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    /** One CRLF-terminated line; no status line at all means the server had closed the connection. */
    private String line(boolean statusLine) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (statusLine && line.length() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("the answer ended early");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that is not used any more
            }
            socket = null;
        }
    }

    /** The server closed a kept-alive connection before it answered: the request is sent again on a new one. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the server closed the connection before it answered");
        }

        StaleConnection(IOException cause) {
            super("the connection failed before the server answered", cause);
        }
    }
}
