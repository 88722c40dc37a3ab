package org.polyproto.jakarta.internal.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;

/**
 * Encrypted key material as polyproto-rs 0.11 sends and parses it: items {@code {"serial_number": [bytes],
 * "key_data": "<PEM>"}} (the serial as the bytes of its DER INTEGER content), serial lists as JSON arrays of numbers.
 * Also read: the OpenAPI's {@code serialNumber}, a serial as a JSON number or decimal string, and serial lists as
 * the query parameter {@code serials} (comma-separated or repeated).
 */
final class KeyMaterialBodies {

    private static final JsonProvider JSON = JsonProvider.provider();

    private KeyMaterialBodies() {
    }

    static List<EncryptedKeyMaterial> items(byte[] body) {
        List<EncryptedKeyMaterial> items = new ArrayList<>();
        for (JsonValue value : array(JsonBody.parseValue(body))) {
            if (!(value instanceof JsonObject object)) {
                throw JsonBody.badRequest("Each item is an object with serial_number and key_data.");
            }
            JsonBody item = JsonBody.of(object);
            JsonValue serial = item.value("serial_number").or(() -> item.value("serialNumber")).orElseThrow(() ->
                    JsonBody.badRequest("The field serial_number is required."));
            String keyData = item.firstString("key_data", "keyData").orElseThrow(() ->
                    JsonBody.badRequest("The field key_data is required."));
            items.add(new EncryptedKeyMaterial(serial(serial), keyData));
        }
        return items;
    }

    /** The serials of the query, else of the body (a JSON array; an empty body is none). */
    static Set<BigInteger> serials(List<String> query, byte[] body) {
        Set<BigInteger> serials = new LinkedHashSet<>();
        if (query != null && !query.isEmpty()) {
            for (String part : query) {
                for (String text : part.split(",", -1)) {
                    serials.add(JsonBody.serialOf(JSON.createValue(text.strip()), "serials"));
                }
            }
            return serials;
        }
        if (JsonBody.isBlank(body)) {
            return serials;
        }
        for (JsonValue value : array(JsonBody.parseValue(body))) {
            serials.add(serial(value));
        }
        return serials;
    }

    static JsonArray json(List<EncryptedKeyMaterial> items) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (EncryptedKeyMaterial item : items) {
            JsonArrayBuilder bytes = JSON.createArrayBuilder();
            for (byte b : item.serial().toByteArray()) {
                bytes.add(b & 0xff);
            }
            out.add(JSON.createObjectBuilder().add("serial_number", bytes).add("key_data", item.keyData()));
        }
        return out.build();
    }

    private static JsonArray array(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw JsonBody.badRequest("The request body must be a JSON array.");
        }
        return array;
    }

    /** A serial as a number, a decimal string, or the byte array of its DER INTEGER content (1 to 21 bytes). */
    private static BigInteger serial(JsonValue value) {
        if (!(value instanceof JsonArray bytes)) {
            return JsonBody.serialOf(value, "serial_number");
        }
        if (bytes.isEmpty() || bytes.size() > 21) {
            throw JsonBody.badRequest("A serial has 1 to 21 bytes.");
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            if (!(bytes.get(i) instanceof JsonNumber n) || !n.toString().matches("[0-9]{1,3}") || n.intValue() > 255) {
                throw JsonBody.badRequest("A serial's bytes are whole numbers from 0 to 255.");
            }
            raw[i] = (byte) n.intValue();
        }
        return JsonBody.inSerialRange(new BigInteger(raw), "serial_number");
    }
}
