package org.polyproto.jakarta.internal.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;

/** A KeyPackage as the module stores it: a JSON string's content (base64), or an object's JSON text. */
final class KeyPackageBodies {

    private KeyPackageBodies() {
    }

    static String of(JsonValue value) {
        if (value instanceof JsonString s) {
            return requireBase64(s.getString());
        }
        if (value instanceof JsonObject o) {
            return o.toString();
        }
        throw JsonBody.badRequest("A KeyPackage is a base64 string or a JSON object.");
    }

    static String requireBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return text;
        } catch (IllegalArgumentException e) {
            try {
                Base64.getUrlDecoder().decode(text);
                return text;
            } catch (IllegalArgumentException e2) {
                throw JsonBody.badRequest("A KeyPackage string must be base64.");
            }
        }
    }
}
