package org.polyproto.jakarta.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain java.net.http client for a deployed host WAR's JAX-RS root: {@code <war>/api/}, or the host's root for a
 * WAR deployed there ({@link #atHostRoot}).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI api;

    Http(URL deployment) {
        this(URI.create(deployment.toString().replaceAll("/?$", "/") + "api/"));
    }

    private Http(URI api) {
        this.api = api;
    }

    /** A client that knows only the host ({@code scheme://host:port/}), the way polyproto-rs addresses a server. */
    static Http atHostRoot(URL anyDeploymentUrl) {
        return new Http(URI.create(anyDeploymentUrl.getProtocol() + "://" + anyDeploymentUrl.getAuthority() + "/"));
    }

    Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    Reply get(String path, String token) {
        return send("GET", path, null, token, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, null, null);
    }

    Reply post(String path, String body, String token) {
        return send("POST", path, body, token, null);
    }

    Reply put(String path, String body, String token) {
        return send("PUT", path, body, token, null);
    }

    /** A request with one extra header (none if {@code value} is null). */
    Reply sendWithHeader(String method, String path, String body, String header, String value) {
        return value == null ? send(method, path, body, null, null) : send(method, path, body, null, null, header,
                value);
    }

    /** A request with a token and one extra header (none if {@code value} is null), and no Content-Type. */
    Reply sendWithHeader(String method, String path, String body, String token, String header, String value) {
        return send(method, path, body, token, null, value == null ? null : header, value);
    }

    Reply send(String method, String path, String body, String token, String contentType) {
        return send(method, path, body, token, contentType, null, null);
    }

    private Reply send(String method, String path, String body, String token, String contentType, String header,
                       String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (header != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, HttpHeaders headers) {

        JsonValue json() {
            return Json.createReader(new StringReader(body)).readValue();
        }

        JsonObject object() {
            return json().asJsonObject();
        }

        JsonArray array() {
            return json().asJsonArray();
        }

        /** The JSON string body, e.g. a PEM. */
        String string() {
            return ((jakarta.json.JsonString) json()).getString();
        }

        String error() {
            return object().getString("error");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
