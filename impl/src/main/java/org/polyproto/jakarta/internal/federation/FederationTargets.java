package org.polyproto.jakarta.internal.federation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the domain of a Federation ID may be looked up by name as its home server when no operator chose where
 * that home server is. It must be a DNS host name of at least two LDH labels (1 to 63 characters, no hyphen at
 * either end, 253 characters in all) whose last label is not a number, so that no form of IP literal
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}, {@code [::1]}) and no single-label
 * intranet name ({@code localhost}) gets through, and every name that passes is a valid URI host.
 */
final class FederationTargets {

    private static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private FederationTargets() {
    }

    /** Why {@code domain} may not be used as a host name, or empty if it may. */
    static Optional<String> refusal(String domain) {
        if (domain == null || domain.isEmpty()) {
            return Optional.of("the domain is empty");
        }
        if (domain.length() > MAX_LENGTH) {
            return Optional.of("the domain is longer than " + MAX_LENGTH + " characters");
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        if (lower.indexOf('[') >= 0 || lower.indexOf(':') >= 0) {
            return Optional.of("the domain is an IPv6 literal");
        }
        String[] labels = lower.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("the domain is a single label");
        }
        for (String label : labels) {
            if (label.length() > 63) {
                return Optional.of("a label is longer than 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("a label is not letters, digits and inner hyphens");
            }
        }
        if (NUMBER.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("the domain ends in a number, so it is an IP address");
        }
        return Optional.empty();
    }

    /** @throws org.polyproto.jakarta.api.PolyprotoException {@code NOT_FEDERATED} if {@code domain} is refused */
    static void require(String domain) {
        Optional<String> why = refusal(domain);
        if (why.isPresent()) {
            throw FederationRefusal.of(domain, why.get());
        }
    }
}
