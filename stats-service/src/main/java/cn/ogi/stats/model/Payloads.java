package cn.ogi.stats.model;

import cn.ogi.feed.ReportVersionCreated;
import cn.ogi.form.rules.Finding;
import cn.ogi.stats.memory.ModelRows.FindingItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** The version's edition: the event's, else its report's, else "unknown". */
    static String edition(ReportVersionCreated p) {
        String edition = strip(p.edition());
        return edition != null
                ? edition
                : p.report() == null ? "unknown" : p.report().path("edition").asText("unknown");
    }

    /** The report's {@code publishedOn}, or null when absent or not an ISO date (the event is applied anyway). */
    static LocalDate publishedOn(ReportVersionCreated p) {
        String text = p.report() == null ? null : text(p.report(), "publishedOn");
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The version's findings as stats keeps them; null when it has none. */
    static List<FindingItem> findings(List<Finding> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<FindingItem> findings = new ArrayList<>();
        for (Finding f : list) {
            findings.add(new FindingItem(
                    Objects.requireNonNullElse(f.rule(), "UNKNOWN"),
                    f.severity() == null ? "error" : f.severity().json(),
                    List.copyOf(f.cells()),
                    strip(f.message())));
        }
        return findings;
    }
}
