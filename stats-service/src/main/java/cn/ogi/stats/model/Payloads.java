package cn.ogi.stats.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reading of event payload fields: a missing or null field is null, never an exception. */
final class Payloads {

    private Payloads() {}

    /** A payload record's text as stats keeps it: stripped, null when absent. */
    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }
}
