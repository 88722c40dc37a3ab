package org.polyproto.jakarta.internal.rest;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * A request body read leniently as the contract asks: JSON whatever the Content-Type says, nesting and duplicate
 * keys refused, nothing after the value; typed field access that answers {@code BAD_REQUEST} instead of throwing
 * parser errors.
 */
final class JsonBody {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of(
            "org.eclipse.parsson.maxDepth", 32,
            "org.eclipse.parsson.rejectDuplicateKeys", true));

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonBody parse(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue value = parseValue(text);
        if (!(value instanceof JsonObject o)) {
            throw badRequest("The request body must be a JSON object.");
        }
        return new JsonBody(o);
    }

    /**
     * A "String" body: a JSON string literal, or else the raw text.
     */
    static String parseString(byte[] body) {
        String text = utf8(body).strip();
        if (text.startsWith("\"")) {
            JsonValue value = parseValue(text);
            if (value instanceof JsonString s) {
                return s.getString();
            }
        }
        return text;
    }

    /** Whether the body is empty or only white space. */
    static boolean isBlank(byte[] body) {
        return utf8(body).isBlank();
    }

    /** Any JSON value; an empty body is an error. */
    static JsonValue parseValue(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw badRequest("A JSON body is required.");
        }
        return parseValue(text);
    }

    private static JsonValue parseValue(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw badRequest("The request body must hold exactly one JSON value.");
            }
            return value;
        } catch (PolyprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and Parsson's plain RuntimeException for nesting beyond maxDepth
            throw badRequest("The request body is not valid JSON.");
        } catch (StackOverflowError e) {
            throw badRequest("The request body is nested too deeply.");
        }
    }

    private static String utf8(byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw badRequest("The request body is not UTF-8.");
        }
    }

    /** The field as it is, if present and not null. */
    Optional<JsonValue> value(String name) {
        return Optional.ofNullable(object.get(name)).filter(v -> v != JsonValue.NULL);
    }

    /** A nested object's fields, with the same typed access. */
    static JsonBody of(JsonObject object) {
        return new JsonBody(object);
    }

    Optional<String> string(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw badRequest("The field " + name + " must be a string.");
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> badRequest("The field " + name + " is required."));
    }

    Optional<Boolean> bool(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw badRequest("The field " + name + " must be true or false.");
    }

    Optional<JsonObject> object(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonObject o) {
            return Optional.of(o);
        }
        throw badRequest("The field " + name + " must be an object.");
    }

    JsonObject objectOrEmpty(String name) {
        return object(name).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** A UNIX time given as a JSON number or a decimal string; 0 to 2^63-1. */
    Optional<Instant> unixTime(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber n) {
            try {
                return Optional.of(toInstant(n.bigDecimalValue().longValueExact(), name));
            } catch (ArithmeticException e) {
                throw badRequest("The field " + name + " must be whole UNIX seconds.");
            }
        }
        if (value instanceof JsonString s) {
            return Optional.of(parseUnixTime(s.getString(), name));
        }
        throw badRequest("The field " + name + " must be UNIX seconds.");
    }

    static Instant parseUnixTime(String text, String name) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badRequest("The field " + name + " must be whole UNIX seconds.");
        }
        try {
            return toInstant(Long.parseLong(text), name);
        } catch (NumberFormatException e) {
            throw badRequest("The field " + name + " must be whole UNIX seconds.");
        }
    }

    private static Instant toInstant(long seconds, String name) {
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            throw badRequest("The field " + name + " is out of range.");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** A certificate serial given as a JSON number or a decimal string: 1 to 2^160-1. */
    Optional<java.math.BigInteger> serial(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(serialOf(value, name));
    }

    /** A certificate serial as a JSON number or a decimal string: 1 to 2^160-1. */
    static java.math.BigInteger serialOf(JsonValue value, String name) {
        String text = value instanceof JsonNumber n ? n.toString() : value instanceof JsonString s ? s.getString()
                : "";
        if (text.isEmpty() || text.length() > 49 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badRequest("The field " + name + " must be a serial number in decimal.");
        }
        return inSerialRange(new java.math.BigInteger(text), name);
    }

    /** {@code serial} if it is 1 to 2^160-1, as polyproto's serials are. */
    static java.math.BigInteger inSerialRange(java.math.BigInteger serial, String name) {
        if (serial.signum() <= 0 || serial.bitLength() > 160) {
            throw badRequest("The field " + name + " is out of range.");
        }
        return serial;
    }

    /** The first of {@code names} that is present, as a string. */
    Optional<String> firstString(String... names) {
        for (String name : names) {
            Optional<String> value = string(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static PolyprotoException badRequest(String message) {
        return new PolyprotoException(ErrorCode.BAD_REQUEST, message);
    }
}
