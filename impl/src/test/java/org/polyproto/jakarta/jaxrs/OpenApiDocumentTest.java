package org.polyproto.jakarta.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped OpenAPI document lists exactly the routes the JAX-RS resources serve, so it cannot drift. */
class OpenApiDocumentTest {

    @Test
    void pathsAndMethodsMatchTheResources() throws Exception {
        JsonObject document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/polyproto/openapi.json")) {
            assertNotNull(in, "META-INF/polyproto/openapi.json is shipped in the impl jar");
            document = Json.createReader(in).readObject();
        }
        assertEquals("3.1.0", document.getString("openapi"));
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " /" + strip(path))));
        assertEquals(served(), documented);
    }

    private static Set<String> served() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : PolyprotoFeature.CLASSES) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = strip(root.value()) + (sub == null ? "" : "/" + strip(sub.value()));
                routes.add(http + " /" + path);
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
