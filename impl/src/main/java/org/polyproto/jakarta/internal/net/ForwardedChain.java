package org.polyproto.jakarta.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addresses a proxy chain reports, client first: from {@code X-Forwarded-For} ({@code client, proxy1, ...}) or
 * from the {@code for=} parameters of RFC 7239 {@code Forwarded}. Several header lines count as one list, joined in
 * order. Empty if a value is malformed or names no address ({@code unknown}, an obfuscated {@code _id}, a missing
 * {@code for=}): the caller then cannot tell who the client is.
 */
public final class ForwardedChain {

    private ForwardedChain() {
    }

    public static Optional<List<byte[]>> fromXForwardedFor(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        for (String line : lines) {
            for (String node : line.split(",", -1)) {
                Optional<byte[]> address = IpLiteral.parseNode(node);
                if (address.isEmpty()) {
                    return Optional.empty();
                }
                out.add(address.get());
            }
        }
        return Optional.of(out);
    }

    public static Optional<List<byte[]>> fromForwarded(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        for (String line : lines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                Optional<byte[]> address = forParameter(element).flatMap(IpLiteral::parseNode);
                if (address.isEmpty()) {
                    return Optional.empty();
                }
                out.add(address.get());
            }
        }
        return Optional.of(out);
    }

    private static Optional<String> forParameter(String element) {
        for (String pair : splitOutsideQuotes(element, ';')) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return unquote(pair.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unquote(String value) {
        if (!value.startsWith("\"")) {
            return Optional.of(value);
        }
        if (value.length() < 2 || !value.endsWith("\"") || value.indexOf('\\') >= 0) {
            return Optional.empty(); // addresses need no escapes; anything else is not one
        }
        return Optional.of(value.substring(1, value.length() - 1));
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
