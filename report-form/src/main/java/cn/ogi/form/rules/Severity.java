package cn.ogi.form.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Finding severity; lowercase in JSON ({@code "error"}, {@code "warning"}) as in problem+json and the fixtures. */
public enum Severity {
    ERROR,
    WARNING;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromJson(String value) {
        for (Severity s : values()) {
            if (s.json().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "'; known: error, warning");
    }
}
