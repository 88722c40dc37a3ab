package org.polyproto.jakarta.internal.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.ErrorRepresentation;

/**
 * A servlet filter, installed by the impl jar's {@code web-fragment.xml}: refuses with the contract's envelope
 * (400 {@code P2CORE_BAD_REQUEST}) a request to one of the module's paths ({@code p2core}, {@code .p2}, the
 * discovery document) whose {@code Content-Type} or {@code Accept} the JAX-RS runtime cannot read at all ({@code ///}, an empty {@code Content-Type}, an
 * {@code Accept} list with a bad {@code q}), which the runtime would refuse with its own page before any of the
 * module's code ran. Every other request passes untouched, the host's own included.
 */
public class MediaHeaderGuard implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && isModulePath(http) && !MediaHeaders.readable(http.getHeader("Content-Type"),
                Collections.list(http.getHeaders("Accept")))) {
            PolyprotoException refused = unreadable();
            byte[] body = new ErrorRepresentation(refused.status(), refused.code(), refused.getMessage()).toJson()
                    .toString().getBytes(StandardCharsets.UTF_8);
            answer.setStatus(refused.status());
            answer.setContentType("application/json");
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    static PolyprotoException unreadable() {
        return new PolyprotoException(ErrorCode.BAD_REQUEST, "The Content-Type or Accept header could not be read.");
    }

    /** A path with one of the module's roots (the JAX-RS root may be anywhere before it). */
    private static boolean isModulePath(HttpServletRequest request) {
        return PolyprotoPaths.containsModulePath(request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo()));
    }
}
