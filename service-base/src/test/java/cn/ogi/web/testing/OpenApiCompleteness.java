package cn.ogi.web.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document must hold, checked the same way for all three: each operation has a
 * summary, a description and tags; each parameter a description, a schema with a type and an example; each request
 * body an example per media type; each response a description and, for a JSON body, a schema and an example; every
 * error response a problem+json body referencing the one {@code Problem} schema, whose examples say the status
 * they are answered with; secured operations document 401 and 403; every {@code $ref} resolves.
 * {@link #assertComplete()} fails listing every defect at once.
 */
public final class OpenApiCompleteness {

    /** The statuses the services answer with (never a 500: that is a defect, not a contract). */
    static final Set<String> STATUSES =
            Set.of("200", "201", "202", "304", "400", "401", "403", "404", "409", "412", "413", "415", "422", "503");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private final JsonNode document;
    private final List<String> defects = new ArrayList<>();

    public OpenApiCompleteness(JsonNode document) {
        this.document = document;
    }

    /** The running service's document ({@code /q/openapi?format=json}), kept in target/ for reading. */
    public static OpenApiCompleteness ofRunningService() {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/openapi.json"), json);
            return new OpenApiCompleteness(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Fails with every defect found, one per line. */
    public void assertComplete() {
        List<String> found = defects();
        if (!found.isEmpty()) {
            fail(found.size() + " defect(s) in the OpenAPI document:\n  " + String.join("\n  ", found));
        }
    }

    public List<String> defects() {
        defects.clear();
        JsonNode paths = document.path("paths");
        if (paths.isEmpty()) {
            defects.add("the document has no paths");
        }
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (METHODS.contains(operation.getKey())) {
                    operation(
                            operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                            path.getValue(),
                            operation.getValue());
                }
            }
        }
        refsResolve(document, "#");
        return List.copyOf(defects);
    }

    private void operation(String name, JsonNode pathItem, JsonNode operation) {
        text(name, operation, "summary");
        text(name, operation, "description");
        if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
            defects.add(name + ": no tags");
        }
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode reference : parameters) {
            JsonNode parameter = resolve(reference);
            String where = name + " parameter " + parameter.path("name").asText("?");
            text(where, parameter, "description");
            JsonNode schema = resolve(parameter.path("schema"));
            if (!schema.has("type") && !schema.has("enum")) {
                defects.add(where + ": no schema type");
            }
            if (!hasExample(parameter) && !hasExample(schema)) {
                defects.add(where + ": no example");
            }
        }
        if (operation.has("requestBody")) {
            JsonNode body = resolve(operation.path("requestBody"));
            text(name + " request body", body, "description");
            JsonNode content = body.path("content");
            if (content.isEmpty()) {
                defects.add(name + " request body: no content");
            }
            content.fields().forEachRemaining(media -> {
                String where = name + " request body " + media.getKey();
                if (!media.getValue().has("schema")) {
                    defects.add(where + ": no schema");
                }
                if (!hasExample(media.getValue())
                        && !hasExample(resolve(media.getValue().path("schema")))) {
                    defects.add(where + ": no example");
                }
            });
        }
        JsonNode responses = operation.path("responses");
        if (responses.isEmpty()) {
            defects.add(name + ": no responses");
        }
        responses.fields().forEachRemaining(r -> response(name, r.getKey(), resolve(r.getValue())));
        if (operation.path("security").size() > 0
                || (!operation.has("security") && document.path("security").size() > 0)) {
            for (String status : List.of("401", "403")) {
                if (!responses.has(status)) {
                    defects.add(name + ": secured, but no " + status + " response");
                }
            }
        }
    }

    private void response(String operation, String status, JsonNode response) {
        String where = operation + " response " + status;
        if (!STATUSES.contains(status)) {
            defects.add(where + ": a status the services do not answer with (" + STATUSES + ")");
        }
        text(where, response, "description");
        boolean error = status.startsWith("4") || status.startsWith("5");
        JsonNode content = response.path("content");
        if (error && !content.has(PROBLEM)) {
            defects.add(where + ": an error without an " + PROBLEM + " body");
        }
        if ("304".equals(status) && !content.isEmpty()) {
            defects.add(where + ": a 304 has no body");
        }
        content.fields().forEachRemaining(media -> {
            String type = media.getKey();
            JsonNode body = media.getValue();
            if (!type.contains("json")) {
                return;
            }
            if (!body.has("schema")) {
                defects.add(where + " " + type + ": no schema");
            }
            if (!hasExample(body) && !hasExample(resolve(body.path("schema")))) {
                defects.add(where + " " + type + ": no example");
            }
            if (type.equals(PROBLEM)) {
                if (!"#/components/schemas/Problem"
                        .equals(body.path("schema").path("$ref").asText())) {
                    defects.add(where + ": the problem body does not reference #/components/schemas/Problem");
                }
                body.path("examples").fields().forEachRemaining(e -> problemExample(where, status, e));
            }
        });
    }

    /** A problem example is answered with the status it is documented under, and says its type and detail. */
    private void problemExample(String where, String status, Map.Entry<String, JsonNode> example) {
        JsonNode value = resolve(example.getValue()).path("value");
        String name = where + " example " + example.getKey();
        if (!status.equals(value.path("status").asText())) {
            defects.add(name + ": its status is " + value.path("status").asText("missing"));
        }
        if (!value.path("type").asText().startsWith("https://ogi.example.cn/problems/")) {
            defects.add(name + ": its type is not a problem type of https://ogi.example.cn/problems/");
        }
        for (String member : List.of("title", "detail", "instance")) {
            if (value.path(member).asText().isBlank()) {
                defects.add(name + ": no " + member);
            }
        }
    }

    /** An example, or examples, that say something: an empty string or null is no example. */
    private static boolean hasExample(JsonNode node) {
        JsonNode example = node.path("example");
        boolean single = !example.isMissingNode()
                && !example.isNull()
                && !(example.isTextual() && example.asText().isBlank());
        return single
                || (node.path("examples").isContainerNode()
                        && !node.path("examples").isEmpty());
    }

    private void text(String where, JsonNode node, String field) {
        if (node.path(field).asText().isBlank()) {
            defects.add(where + ": no " + field);
        }
    }

    /** The node a {@code $ref} points to inside this document, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = ref.startsWith("#/") ? document.at(ref.substring(1)) : null;
        return target == null || target.isMissingNode() ? node : resolve(target);
    }

    private void refsResolve(JsonNode node, String where) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText();
            if (!ref.isEmpty()
                    && (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())) {
                defects.add(where + ": $ref " + ref + " does not resolve");
            }
            node.fields().forEachRemaining(f -> refsResolve(f.getValue(), where + "/" + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refsResolve(node.get(i), where + "/" + i);
            }
        }
    }
}
