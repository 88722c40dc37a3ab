package org.polyproto.jakarta.internal.federation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * GETs one URL over HTTP/1.1 from exactly the address that was checked. The host is resolved once (within the
 * connect timeout), every address is checked with the {@link AddressPolicy} and only allowed ones are tried; TLS is
 * layered on the connected socket with the URL's host for SNI and certificate checks, so DNS rebinding cannot move
 * the connection while the name is still verified. One deadline covers lookup, connection, handshake and the whole
 * answer; redirects are not followed and the body is capped. Any failure, and any status but 200, is
 * {@code NOT_FEDERATED} with a generic message; the reason is logged at {@code FINE}.
 */
final class PinnedHttpFetcher {

    private final AddressPolicy policy;
    private final BoundedDns dns;
    private final Duration connectTimeout;
    private final Duration deadline;
    private final int maxBody;
    private final SSLSocketFactory tls;

    PinnedHttpFetcher(AddressPolicy policy, BoundedDns dns, Duration connectTimeout, Duration deadline, int maxBody,
            SSLSocketFactory tls) {
        this.policy = policy;
        this.dns = dns;
        this.connectTimeout = connectTimeout;
        this.deadline = deadline;
        this.maxBody = maxBody;
        this.tls = tls;
    }

    /** The body of a 200 answer to {@code GET uri}. */
    byte[] get(URI uri) {
        long end = System.nanoTime() + deadline.toNanos();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawUserInfo() != null) {
            throw FederationRefusal.of(String.valueOf(uri.getRawAuthority()), "the URL " + uri + " is not usable");
        }
        boolean secure = scheme.equals("https");
        int port = uri.getPort() < 0 ? (secure ? 443 : 80) : uri.getPort();
        try (DeadlineSocket socket = connect(allowedAddresses(host, end), port, end)) {
            Socket channel = secure ? layerTls(socket, host, port) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(request(uri, host, port, secure).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            HttpResponseReader answer = new HttpResponseReader(new BufferedInputStream(channel.getInputStream()),
                    maxBody);
            int status = answer.readHead();
            if (status != 200) {
                throw FederationRefusal.notOffered(host, "it answered HTTP " + status);
            }
            return answer.readBody();
        } catch (IOException | IllegalArgumentException e) {
            throw FederationRefusal.of(host, e.toString());
        }
    }

    private List<InetAddress> allowedAddresses(String host, long end) throws IOException {
        long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
        InetAddress[] all = dns.resolve(host, Duration.ofMillis(Math.min(connectTimeout.toMillis(), left)));
        List<InetAddress> allowed = Arrays.stream(all).filter(policy::allows).toList();
        if (allowed.isEmpty()) {
            throw new IOException("it resolves only to refused addresses " + Arrays.toString(all));
        }
        return allowed;
    }

    private DeadlineSocket connect(List<InetAddress> addresses, int port, long end) throws IOException {
        IOException failure = null;
        for (InetAddress address : addresses) {
            DeadlineSocket socket = new DeadlineSocket(end);
            try {
                int timeout = (int) Math.min(connectTimeout.toMillis(), socket.remainingMillis());
                socket.connect(new InetSocketAddress(address, port), Math.max(1, timeout));
                return socket;
            } catch (IOException e) {
                socket.close();
                failure = e;
            }
        }
        throw failure;
    }

    private SSLSocket layerTls(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static String request(URI uri, String host, int port, boolean secure) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String authority = port == (secure ? 443 : 80) ? host : host + ":" + port;
        return "GET " + target + " HTTP/1.1\r\nHost: " + authority
                + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
    }
}
