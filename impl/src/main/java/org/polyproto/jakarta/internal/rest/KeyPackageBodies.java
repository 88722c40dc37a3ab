package org.polyproto.jakarta.internal.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A KeyPackage in a JSON body: a string, the RFC 9420 encoding in base64 ({@code KeyPackages} checks the rest). */
final class KeyPackageBodies {

    private KeyPackageBodies() {
    }

    static String of(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw JsonBody.badRequest("A KeyPackage is a base64 string of an RFC 9420 KeyPackage or MLSMessage.");
    }
}
