package cn.ogi.web.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Pattern;

/**
 * Jackson's failures in the client's words: where (line, column, field) and what, never a library class name
 * ({@code StreamReadFeature…}, {@code java.lang.Integer}) or the source description Jackson appends.
 */
public final class JsonErrors {

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final int MAX_MESSAGE = 300;

    private JsonErrors() {}

    /** The failure as one sentence: "... at line 3, column 7 (field items[2].name): ...". */
    public static String describe(JsonProcessingException e) {
        return what(e) + where(e) + field(e) + ": " + reason(e);
    }

    /** The dotted field path of a binding failure, or null. */
    public static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return JsonTrees.printable(path.toString());
        }
        return null;
    }

    /** True when the document broke a configured limit (nesting, lengths, tokens). */
    public static boolean isLimit(JsonProcessingException e) {
        return e instanceof StreamConstraintsException;
    }

    private static String what(JsonProcessingException e) {
        if (isLimit(e)) {
            return "The JSON exceeds an input limit";
        }
        return e instanceof JsonMappingException ? "The JSON does not fit this endpoint" : "The body is not valid JSON";
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String field(JsonProcessingException e) {
        String field = fieldOf(e);
        return field == null || field.isEmpty() ? "" : " (field " + field + ")";
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return limit(e.getOriginalMessage());
        }
        if (e instanceof ControlCharacterException) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + JsonTrees.printable(u.getPropertyName()) + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + typeName(f.getTargetType()) + ", got " + shown(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + " here";
        }
        return clean(e.getOriginalMessage());
    }

    /** The limit broken, from Jackson's message, in words of our configuration keys. */
    private static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "objects and arrays nest deeper than allowed (ogi.json.max-nesting-depth)";
        }
        if (m.contains("Name length")) {
            return "a key is longer than allowed (ogi.json.max-name-length)";
        }
        if (m.contains("String value length")) {
            return "a string is longer than allowed (ogi.json.max-string-length)";
        }
        if (m.contains("Number value length")) {
            return "a number has more digits than allowed (ogi.json.max-number-length)";
        }
        if (m.contains("Token count")) {
            return "the document has more keys and values than allowed (ogi.json.max-token-count)";
        }
        return "the document is larger than allowed";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        return "an object";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return "'" + JsonTrees.printable(text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /** Jackson's own message without its source description and class names, bounded in length. */
    static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String text = SOURCE.matcher(message).replaceAll("");
        text = BACKTICKED.matcher(text).replaceAll("a value");
        text = text.replaceAll("\\b(?:[a-z]+\\.)+[A-Z][A-Za-z0-9]*(?:\\$[A-Za-z0-9]+)?", "a value");
        text = JsonTrees.printable(text.strip());
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
