package org.polyproto.jakarta.internal.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyproto.jakarta.internal.crypto.ChallengeStrings;
import org.polyproto.jakarta.internal.crypto.SignatureEncoding;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;

/**
 * Key trials on the wire as polyproto-rs 0.11's types have them: {@code KeyTrial} {@code {"trial", "expires"}} and
 * {@code KeyTrialResponse} {@code {"signature" (hex), "serialNumber"}}, the numbers as decimal strings.
 */
final class KeyTrialBodies {

    private static final JsonProvider JSON = JsonProvider.provider();

    private KeyTrialBodies() {
    }

    /** A completed trial as a request carries it: {@code trial} (or {@code challenge}), signature, serial. */
    record Completion(String trial, byte[] signature, BigInteger serial) {
        static Completion of(JsonBody json) {
            String trial = json.firstString("trial", "challenge").orElseThrow(() -> JsonBody.badRequest(
                    "The field trial is required."));
            if (!ChallengeStrings.isPlausible(trial)) {
                throw JsonBody.badRequest("The trial must be 32 to 256 characters of A-Z, a-z and 0-9.");
            }
            byte[] signature = SignatureEncoding.decode(json.requiredString("signature")).orElseThrow(() ->
                    JsonBody.badRequest("The signature must be 64 bytes as hex."));
            BigInteger serial = json.serial("serialNumber").orElseThrow(() -> JsonBody.badRequest(
                    "The field serialNumber is required."));
            return new Completion(trial, signature, serial);
        }
    }

    static JsonObject keyTrial(String trial, Instant expires) {
        return JSON.createObjectBuilder().add("trial", trial).add("expires", Long.toString(expires.getEpochSecond()))
                .build();
    }

    /** Completions grouped by trial, as {@code [{"keyTrial", "keyTrialCompletion": [...]}]}, in the given order. */
    static JsonArrayBuilder log(List<CompletedKeyTrial> completions) {
        Map<String, List<CompletedKeyTrial>> byTrial = new LinkedHashMap<>();
        completions.forEach(c -> byTrial.computeIfAbsent(c.trial(), k -> new java.util.ArrayList<>()).add(c));
        JsonArrayBuilder out = JSON.createArrayBuilder();
        byTrial.values().forEach(group -> out.add(entry(group)));
        return out;
    }

    static JsonObject entry(List<CompletedKeyTrial> group) {
        JsonArrayBuilder responses = JSON.createArrayBuilder();
        group.forEach(c -> responses.add(JSON.createObjectBuilder()
                .add("signature", HexFormat.of().formatHex(c.signature()))
                .add("serialNumber", c.serial().toString())));
        return JSON.createObjectBuilder().add("keyTrial", keyTrial(group.get(0).trial(), group.get(0).expires()))
                .add("keyTrialCompletion", responses).build();
    }
}
