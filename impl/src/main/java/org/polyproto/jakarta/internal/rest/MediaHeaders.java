package org.polyproto.jakarta.internal.rest;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Collection;

/** Whether a request's {@code Content-Type} and {@code Accept} headers can be read as the JAX-RS runtime reads them. */
final class MediaHeaders {

    private MediaHeaders() {
    }

    /**
     * A present {@code Content-Type} must be one media type; every element of every {@code Accept} header a media
     * type; every {@code q} a number from 0 to 1. An empty {@code Content-Type} is not a media type.
     */
    static boolean readable(String contentType, Collection<String> accept) {
        return (contentType == null || parses(contentType)) && accept.stream()
                .flatMap(a -> Arrays.stream(a.split(","))).map(String::trim).filter(a -> !a.isEmpty())
                .allMatch(MediaHeaders::parses);
    }

    private static boolean parses(String value) {
        try {
            MediaType type = MediaType.valueOf(value.trim());
            String q = type.getParameters().get("q");
            if (q != null) {
                double quality = Double.parseDouble(q);
                return quality >= 0 && quality <= 1;
            }
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (RuntimeException e) { // IllegalArgumentException, NumberFormatException, a parser's own
            return false;
        }
    }
}
