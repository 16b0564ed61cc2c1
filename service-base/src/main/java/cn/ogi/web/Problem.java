package cn.ogi.web;

import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code findings} carries the rule findings of a refused report,
 * {@code errors} the line- or parameter-level errors of other inputs (a CSV import, a query).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Finding> findings,
        List<InputError> errors,
        @JsonIgnore Map<String, Object> context) {

    /** Extension members (RFC 9457 §3.2) sit beside the standard ones, e.g. {@code currentVersion}. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return context == null ? Map.of() : context;
    }

    /** The same problem about {@code instance} (the path it answers), e.g. one of a batch's refused items. */
    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, findings, errors, context);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented under this base; the slug says what went wrong. */
    public static final String TYPE_BASE = "https://ogi.example.cn/problems/";

    /** One bad input: where (a CSV line, a parameter, a JSON pointer) and what is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputError(Integer line, String field, String message) {}
}
