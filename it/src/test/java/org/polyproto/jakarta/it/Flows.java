package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.UUID;
import org.polyproto.jakarta.testing.TestActor;

/** The protocol steps a client takes, over real HTTP, for tests to build on. */
final class Flows {

    static final String DOMAIN = System.getProperty("polyproto.domain", "localhost");
    static final String PASSWORD = "correct horse battery";

    private final Http http;

    Flows(Http http) {
        this.http = http;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    String register(String name) {
        Http.Reply reply = http.post("p2core/register", Json.createObjectBuilder().add("actor_name", name)
                .add("password", PASSWORD).build().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.object().getString("fid");
    }

    Http.Reply trustReply(String name, String csrPem, String password) {
        var body = Json.createObjectBuilder().add("actor_name", name).add("csr", csrPem);
        if (password != null) {
            body.add("password", password);
        }
        return http.post("p2core/session/trust", body.build().toString());
    }

    /** An actor registered with a password and holding an ID-Cert for {@code sessionId}. */
    Member member(String name, String sessionId) {
        register(name);
        return trusted(name, sessionId);
    }

    /**
     * The configured administrator, which the server created at its first start from the bootstrap password file
     * (open registration refuses the name), with a new session.
     */
    Member administrator() {
        String name = System.getProperty("polyproto.admins", "admin@localhost").split("@")[0];
        return trusted(name, uniqueName("admin-session"), adminPassword());
    }

    static String adminPassword() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty(
                    "polyproto.admin.bootstrap-password-file"))).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Member trusted(String name, String sessionId) {
        return trusted(name, sessionId, PASSWORD);
    }

    Member trusted(String name, String sessionId, String password) {
        TestActor key = TestActor.generate();
        Http.Reply reply = trustReply(name, key.csrPem(name, DOMAIN, sessionId), password);
        assertEquals(201, reply.status(), reply::toString);
        JsonObject json = reply.object();
        return new Member(name, sessionId, key, json.getString("id_cert"), json.getString("token"));
    }

    /** A further session of an actor registered by {@link #member}. */
    Member session(String name, String sessionId) {
        return trusted(name, sessionId);
    }

    /** The client's queued events, drained; empty for 204. */
    java.util.List<JsonObject> events(String token) {
        Http.Reply reply = http.get("p2core/events", token);
        if (reply.status() == 204) {
            return java.util.List.of();
        }
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getValuesAs(JsonObject.class);
    }

    String challenge() {
        Http.Reply reply = http.get("p2core/challenge");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("challenge");
    }

    static String identifyBody(String challenge, String signature, String idCert) {
        return Json.createObjectBuilder()
                .add("completed_challenge", Json.createObjectBuilder().add("challenge", challenge)
                        .add("signature", signature))
                .add("id_cert", idCert).build().toString();
    }

    Http.Reply identify(Member member) {
        String challenge = challenge();
        return http.post("p2core/session/identify",
                identifyBody(challenge, member.key().signChallenge(challenge), member.idCert()));
    }

    JsonObject counts() {
        Http.Reply reply = http.get("test-probe/counts");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object();
    }

    record Member(String name, String sessionId, TestActor key, String idCert, String token) {
        String fid() {
            return name + "@" + DOMAIN;
        }
    }
}
