package cn.ogi.web.json;

import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON tree read whole (a report, a batch line) before anything interprets it: no key or string value
 * holds a control character, no object has more members than {@link JsonLimits#maxObjectMembers()}. A failure is
 * a 400 naming the field by its dotted path ({@code narrative.overview}, {@code items[3].name}).
 */
public final class JsonTrees {

    private JsonTrees() {}

    /** 400 problem naming the first offending field; returns the tree when it is clean. */
    public static JsonNode requireClean(JsonNode root, int maxObjectMembers) {
        check(root, "", maxObjectMembers);
        return root;
    }

    private static void check(JsonNode node, String path, int maxMembers) {
        if (node.isTextual()) {
            int at = ControlCharacters.indexIn(node.textValue());
            if (at >= 0) {
                throw refused(path, field(path) + " " + ControlCharacters.describe(node.textValue(), at));
            }
        } else if (node.isObject()) {
            if (node.size() > maxMembers) {
                throw ProblemException.badRequest(
                                "input-limit",
                                (path.isEmpty() ? "The body" : field(path)) + " has " + node.size()
                                        + " members; at most " + maxMembers + " are accepted")
                        .withErrors(
                                List.of(new Problem.InputError(null, path.isEmpty() ? "" : path, "too many members")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                int at = ControlCharacters.indexIn(member.getKey());
                if (at >= 0) {
                    String shown = printable(child);
                    throw refused(shown, "the key " + shown + " " + ControlCharacters.describe(member.getKey(), at));
                }
                check(member.getValue(), child, maxMembers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", maxMembers);
            }
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "The body" : "Field " + path;
    }

    private static ProblemException refused(String field, String message) {
        return ProblemException.badRequest("control-character", message)
                .withErrors(List.of(new Problem.InputError(null, field, message)));
    }

    /** A key shown in a message with its control characters escaped, so that the message itself stays clean. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(ControlCharacters.forbidden(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
