package org.polyproto.jakarta.internal.federation;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response with hard limits: status line, headers and trailers of at most 16 KiB together, and a
 * body of at most {@code maxBody} bytes, delimited by {@code Transfer-Encoding: chunked}, {@code Content-Length} or
 * the end of the stream. Anything malformed or too large is an {@link IOException}.
 */
final class HttpResponseReader {

    static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    private final InputStream in;
    private final int maxBody;
    private final Map<String, String> headers = new HashMap<>();
    private int headLeft = MAX_HEAD;

    HttpResponseReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /** Reads the status line and the headers; returns the status code. */
    int readHead() throws IOException {
        String status = readHeadLine();
        if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' '
                || (status.length() > 12 && status.charAt(12) != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        int code = parseInt(status.substring(9, 12), 10, "status code");
        readFields(true);
        return code;
    }

    /** Reads the body after {@link #readHead()}. */
    byte[] readBody() throws IOException {
        String coding = headers.get("transfer-encoding");
        if (coding != null) {
            String last = coding.substring(coding.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
            return last.equals("chunked") ? chunked() : toEnd();
        }
        String length = headers.get("content-length");
        if (length == null) {
            return toEnd();
        }
        if (length.length() > 10 || parseInt(length, 10, "Content-Length") > maxBody) {
            throw new IOException("the body is larger than " + maxBody + " bytes");
        }
        return exactly(Integer.parseInt(length));
    }

    private void readFields(boolean head) throws IOException {
        for (String line = readHeadLine(); !line.isEmpty(); line = readHeadLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new ProtocolException("malformed header line");
            }
            if (!head) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            String before = headers.putIfAbsent(name, value);
            if (before != null && name.equals("content-length") && !before.equals(value)) {
                throw new ProtocolException("conflicting Content-Length headers");
            }
            if (before != null && name.equals("transfer-encoding")) {
                headers.put(name, before + "," + value);
            }
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(MAX_CHUNK_LINE);
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (size.length() > 8) {
                throw new IOException("the body is larger than " + maxBody + " bytes");
            }
            int n = parseInt(size, 16, "chunk size");
            if (n == 0) {
                readFields(false);
                return body.toByteArray();
            }
            if (n > maxBody - body.size()) {
                throw new IOException("the body is larger than " + maxBody + " bytes");
            }
            body.writeBytes(exactly(n));
            if (!readLine(2).isEmpty()) {
                throw new ProtocolException("a chunk does not end with CRLF");
            }
        }
    }

    private byte[] toEnd() throws IOException {
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw new IOException("the body is larger than " + maxBody + " bytes");
        }
        return body;
    }

    private byte[] exactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("the body ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    private String readHeadLine() throws IOException {
        String line = readLine(headLeft);
        headLeft -= line.length() + 2;
        return line;
    }

    /** A line without its CRLF (or bare LF) of at most {@code max} bytes before it. */
    private String readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the answer ended inside a line");
            }
            if (line.size() >= max) {
                throw new ProtocolException("a header or chunk line is too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int parseInt(String text, int radix, String what) throws ProtocolException {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, radix) >= 0 && c < 128)) {
            throw new ProtocolException("malformed " + what);
        }
        try {
            return Integer.parseInt(text, radix);
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed " + what);
        }
    }
}
