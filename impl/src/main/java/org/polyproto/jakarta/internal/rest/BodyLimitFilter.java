package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Refuses bodies over {@code polyproto.max-body-size} with 413 before anything parses them, whether the client
 * announced the length or sent it chunked: at most the cap plus one byte is ever read.
 */
@PolyprotoEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {

    private final int maxBytes;
    private final FailureAnswers failures;

    public BodyLimitFilter(int maxBytes, FailureAnswers failures) {
        this.maxBytes = maxBytes;
        this.failures = failures;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            limit(request);
        } catch (IOException e) {
            request.abortWith(new PolyprotoExceptionMapper().toResponse(new PolyprotoException(
                    ErrorCode.BAD_REQUEST, "The request body could not be read.")));
        } catch (RuntimeException e) {
            failures.abort(request, e);
        }
    }

    private void limit(ContainerRequestContext request) throws IOException {
        if (request.getLength() > maxBytes) {
            abort(request);
            return;
        }
        InputStream entity = request.getEntityStream();
        if (entity == null) {
            return;
        }
        // Not hasEntity(): a chunked body has no Content-Length, and some runtimes then report no entity at all.
        byte[] body = readAtMost(entity, maxBytes + 1);
        if (body.length > maxBytes) {
            abort(request);
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private void abort(ContainerRequestContext request) {
        request.abortWith(new PolyprotoExceptionMapper().toResponse(new PolyprotoException(
                ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.")));
    }
}
