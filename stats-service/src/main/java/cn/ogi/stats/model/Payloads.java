package cn.ogi.stats.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** Null-tolerant reading of event payload fields: a missing or null field is null, never an exception. */
final class Payloads {

    private Payloads() {}

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.canConvertToInt() ? null : v.asInt();
    }

    static OffsetDateTime timestamp(JsonNode node, String field) {
        String v = text(node, field);
        return v == null || v.isEmpty() ? null : OffsetDateTime.parse(v);
    }
}
