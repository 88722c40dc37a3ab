package org.polyproto.jakarta.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.polyproto.jakarta.spi.ClientAddressResolver;

/** Hands a servlet request's peer address and headers to the {@link ClientAddressResolver}. */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String of(ClientAddressResolver resolver, HttpServletRequest request) {
        if (request == null) {
            return resolver.resolve("unknown", name -> List.of());
        }
        return resolver.resolve(request.getRemoteAddr(), name -> {
            Enumeration<String> values = request.getHeaders(name);
            return values == null ? List.of() : Collections.list(values);
        });
    }
}
