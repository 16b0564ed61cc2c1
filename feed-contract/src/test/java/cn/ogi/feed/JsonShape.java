package cn.ogi.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a JSON document: each field's path ({@code payload.approval.by}, {@code payload.findings[].rule}) and
 * its JSON type (object, array, string, integer, number, boolean, null). The canonical report ({@code payload.report})
 * is one opaque object here: its shape is report-form's contract (REPORT-FORMAT.md), checked there.
 */
public final class JsonShape {

    /** Paths not looked into. */
    private static final Set<String> OPAQUE = Set.of("payload.report");

    private JsonShape() {}

    public static Map<String, String> of(JsonNode node) {
        Map<String, String> shape = new LinkedHashMap<>();
        walk("", node, shape);
        return shape;
    }

    /**
     * What in {@code actual} the example does not allow: a field the example does not have, or a JSON type other
     * than the example's (null is allowed anywhere: the records read it as absent). Empty when it conforms.
     */
    public static List<String> differences(JsonNode example, JsonNode actual) {
        Map<String, String> allowed = of(example);
        List<String> differences = new ArrayList<>();
        of(actual).forEach((path, type) -> {
            String wanted = allowed.get(path);
            if (wanted == null) {
                differences.add(path + ": not in the contract's example (" + type + ")");
            } else if (!type.equals("null") && !type.equals(wanted)) {
                differences.add(path + ": " + type + ", the contract's example has " + wanted);
            }
        });
        return differences;
    }

    /** The example's fields that none of the documents has (so that the check above saw every field). */
    public static Set<String> unseen(JsonNode example, Collection<? extends JsonNode> documents) {
        Set<String> unseen = new TreeSet<>(of(example).keySet());
        documents.forEach(d -> unseen.removeAll(of(d).keySet()));
        return unseen;
    }

    private static void walk(String path, JsonNode node, Map<String, String> shape) {
        if (!path.isEmpty()) {
            shape.merge(path, type(node), (a, b) -> a.equals("null") ? b : a);
        }
        if (OPAQUE.contains(path)) {
            return;
        }
        if (node.isObject()) {
            node.properties()
                    .forEach(f -> walk(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), shape));
        } else if (node.isArray()) {
            node.forEach(element -> walk(path + "[]", element, shape));
        }
    }

    private static String type(JsonNode node) {
        if (node.isObject()) {
            return "object";
        } else if (node.isArray()) {
            return "array";
        } else if (node.isTextual()) {
            return "string";
        } else if (node.isIntegralNumber()) {
            return "integer";
        } else if (node.isNumber()) {
            return "number";
        } else if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
