package org.polyproto.jakarta.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} cannot do: choose the client's local address, and
 * send a body the server may stop reading (the writer runs on its own thread and a broken pipe is expected).
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {
        Http.Reply asReply() {
            return new Http.Reply(status, body, java.net.http.HttpHeaders.of(
                    headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> java.util.List.of(e.getValue()))), (a, b) -> true));
        }
    }

    private RawHttp() {
    }

    /**
     * One request on a new connection from {@code localAddress}; {@code chunked} sends the body in chunks without a
     * Content-Length.
     */
    static Answer exchange(URL base, String localAddress, String method, String path, byte[] body, boolean chunked)
            throws IOException {
        return exchange(base, localAddress, method, path, body, chunked, new String[0]);
    }

    /** The same with further header lines, sent exactly as given (e.g. {@code "Content-Type: "}). */
    static Answer exchange(URL base, String localAddress, String method, String path, byte[] body, boolean chunked,
                           String... headerLines) throws IOException {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URL url = new URL(root + "api/" + path);
        String host = "localhost".equals(url.getHost()) ? "127.0.0.1" : url.getHost();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(host, url.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + url.getFile() + " HTTP/1.1\r\nHost: "
                    + url.getHost() + ":" + url.getPort() + "\r\nConnection: close\r\n");
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> writeBody(out, body, chunked), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        try {
            int step = 64 * 1024;
            for (int i = 0; i < body.length; i += step) {
                int n = Math.min(step, body.length - i);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, i, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException expected) {
            // the server answered and closed before reading everything
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in).split(";")[0].trim(), 16); n > 0;
                 n = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(n));
                line(in);
            }
            body = all.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
