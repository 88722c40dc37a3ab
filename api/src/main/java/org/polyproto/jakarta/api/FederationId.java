package org.polyproto.jakarta.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A polyproto Federation ID, {@code local@domain}, always held in lower case.
 * <p>
 * The rules are those of the wire contract, section 3: the local part is 1 to 64 characters of
 * {@code [a-z0-9._%+-]}, the domain is {@code [a-z0-9-]+(\.[a-z0-9-]+)*} of at most 253 characters (single labels
 * such as {@code localhost} are allowed). Input is compared case-insensitively, so upper-case ASCII letters are
 * folded; white space anywhere is an error, never trimmed.
 * <p>
 * Instances are immutable and thread-safe.
 *
 * @param localName the local part, lower case
 * @param domain the domain, lower case
 * @since 0.1
 */
public record FederationId(String localName, String domain) {

    /** Longest local part accepted. */
    public static final int MAX_LOCAL_LENGTH = 64;
    /** Longest domain accepted. */
    public static final int MAX_DOMAIN_LENGTH = 253;

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9._%+-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

    /**
     * @throws InvalidFederationIdException if either part breaks the rules
     */
    public FederationId {
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(domain, "domain");
        localName = requireLocalName(localName);
        domain = requireDomain(domain);
    }

    /**
     * Parses {@code local@domain}, splitting at the only {@code @}.
     *
     * @param text the candidate, not trimmed
     * @return the parsed ID, lower case
     * @throws InvalidFederationIdException if {@code text} is null or not a valid Federation ID
     */
    public static FederationId parse(String text) {
        if (text == null) {
            throw new InvalidFederationIdException("A Federation ID is required.");
        }
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            throw new InvalidFederationIdException("A Federation ID has the form local@domain.");
        }
        return new FederationId(text.substring(0, at), text.substring(at + 1));
    }

    /**
     * Checks an actor name (the local part alone) and returns it in lower case.
     *
     * @throws InvalidFederationIdException if it breaks the rules
     */
    public static String requireLocalName(String name) {
        if (name == null || name.length() > MAX_LOCAL_LENGTH) {
            throw new InvalidFederationIdException("An actor name has 1 to 64 characters.");
        }
        String lower = asciiLowerCase(name);
        if (!LOCAL.matcher(lower).matches()) {
            throw new InvalidFederationIdException("An actor name may only use a-z, 0-9 and . _ % + -.");
        }
        return lower;
    }

    /**
     * Checks a domain name and returns it in lower case.
     *
     * @throws InvalidFederationIdException if it breaks the rules
     */
    public static String requireDomain(String domain) {
        if (domain == null || domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
            throw new InvalidFederationIdException("A domain has 1 to 253 characters.");
        }
        String lower = asciiLowerCase(domain);
        if (!DOMAIN.matcher(lower).matches()) {
            throw new InvalidFederationIdException("A domain is made of labels of a-z, 0-9 and -, joined by dots.");
        }
        return lower;
    }

    /**
     * Lower-cases A-Z only: {@link String#toLowerCase} would turn the Kelvin sign U+212A into {@code k} and let a
     * non-ASCII name pass the ASCII rules.
     */
    private static String asciiLowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    /** The domain's labels from left to right, e.g. {@code [example, com]}. */
    public java.util.List<String> domainLabels() {
        return java.util.List.of(domain.split("\\."));
    }

    /** @return {@code local@domain} */
    @Override
    public String toString() {
        return localName + "@" + domain;
    }
}
