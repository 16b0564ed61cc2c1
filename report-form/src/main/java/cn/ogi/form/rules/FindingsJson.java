package cn.ogi.form.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The findings of a report as JSON — {@code [{"rule", "severity", "cells", "message"}, …]} — the one codec of the
 * stored findings (intake's submissions, reporting's versions) and of those a problem+json carries. Thread-safe.
 */
public final class FindingsJson {

    private static final TypeReference<List<Finding>> LIST = new TypeReference<>() {};

    /** Members a later version may add to a finding are ignored, as the services' own mappers ignore them. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FindingsJson() {}

    /** The findings as a JSON array; none (or null) is {@code []}. */
    public static String encode(List<Finding> findings) {
        try {
            return MAPPER.writeValueAsString(findings == null ? List.of() : findings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings of a stored JSON array; null (nothing stored) is none. */
    public static List<Finding> decode(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored findings are not a JSON array of findings", e);
        }
    }

    /**
     * The findings of a JSON array already read (a problem's {@code findings} member); null or a JSON null is none.
     *
     * @throws IllegalArgumentException when the node is not an array of findings
     */
    public static List<Finding> decode(JsonNode array) {
        if (array == null || array.isNull() || array.isMissingNode()) {
            return List.of();
        }
        return MAPPER.convertValue(array, LIST);
    }
}
