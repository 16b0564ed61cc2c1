package cn.ogi.form.json;

import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one canonical JSON report against its edition, collecting every structural problem. */
final class ReportReader {

    /** The regulations took effect in 2008; no report is older. */
    static final int FIRST_YEAR = 2008;

    private static final Set<String> IDENTITY =
            Set.of("agencyCode", "agencyName", "year", "edition", "correctionReason", "publishedOn", "narrative");
    private static final Set<String> NARRATIVE_PARTS = Set.of("overview", "problems", "other");

    /** The longest texts a report may hold (characters); the README documents them with the format. */
    static final int MAX_AGENCY_NAME = 200;

    static final int MAX_CORRECTION_REASON = 2_000;
    static final int MAX_NARRATIVE_PART = 100_000;

    private final Editions editions;
    private final ReadMode mode;
    private final List<Finding> problems = new ArrayList<>();

    ReportReader(Editions editions, ReadMode mode) {
        this.editions = editions;
        this.mode = mode;
    }

    ReadResult read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(Finding.error("SCHEMA-TYPE", "", "a report must be a JSON object, got " + describe(root)));
            return new ReadResult(null, problems);
        }
        Integer year = year(root.get("year"));
        EditionDefinition edition = edition(root.get("edition"), year);
        if (edition == null) {
            return new ReadResult(null, problems);
        }
        String agencyCode = agencyCode(root.get("agencyCode"));
        String agencyName = text(root, "agencyName", MAX_AGENCY_NAME);
        String correctionReason = text(root, "correctionReason", MAX_CORRECTION_REASON);
        LocalDate publishedOn = date(root.get("publishedOn"));
        Narrative narrative = narrative(root.get("narrative"));
        BodyReader body = new BodyReader(edition, mode, problems);
        root.fields().forEachRemaining(f -> {
            if (!IDENTITY.contains(f.getKey())) {
                body.member(f.getKey(), f.getValue());
            }
        });
        body.checkRequired();
        ReportBuilder report = ReportBuilder.of(edition, year)
                .agencyCode(agencyCode)
                .agencyName(agencyName)
                .correctionReason(correctionReason)
                .publishedOn(publishedOn)
                .narrative(narrative);
        body.cells().forEach(report::cell);
        return new ReadResult(report.build(), problems);
    }

    private Integer year(JsonNode node) {
        if (missing(node, "year", "the reporting year as an integer, e.g. \"year\": 2023")) {
            return null;
        }
        int latest = Year.now(java.time.ZoneOffset.UTC).getValue();
        if (!node.isNumber()
                || !node.canConvertToExactIntegral()
                || !node.canConvertToInt()
                || node.asInt() < FIRST_YEAR
                || node.asInt() > latest) {
            problems.add(Finding.error(
                    "SCHEMA-YEAR",
                    "year",
                    "year must be an integer from " + FIRST_YEAR + " to " + latest + ", got " + node));
            return null;
        }
        return node.asInt();
    }

    private EditionDefinition edition(JsonNode node, Integer year) {
        String id = node != null && node.isTextual() ? node.asText() : null;
        EditionDefinition found = id == null ? null : editions.find(id).orElse(null);
        if (found == null) {
            String what = absent(node) ? "edition is missing" : "unknown edition " + node;
            String assumed = year == null
                    ? ""
                    : "; read as edition " + editions.forYear(year).id() + " from year " + year;
            problems.add(
                    Finding.error("SCHEMA-EDITION", "edition", what + "; known editions: " + editions.ids() + assumed));
            return year == null ? null : editions.forYear(year);
        }
        if (mode == ReadMode.PUSH && year != null && !found.appliesTo(year)) {
            problems.add(Finding.error(
                    "SCHEMA-EDITION",
                    "edition",
                    "edition " + id + " is not used for year " + year + "; reports of " + year + " use edition "
                            + editions.forYear(year).id()));
        }
        return found;
    }

    private String agencyCode(JsonNode node) {
        if (missing(node, "agencyCode", "the agency's 18-character 统一社会信用代码")) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Finding.error(
                    "SCHEMA-AGENCY-CODE", "agencyCode", "agencyCode must be a string, got " + describe(node)));
            return null;
        }
        CreditCode.problem(node.asText())
                .ifPresent(p -> problems.add(Finding.error(
                        "SCHEMA-AGENCY-CODE",
                        "agencyCode",
                        "agencyCode '" + shorten(node.asText()) + "' is not a valid 统一社会信用代码: " + p)));
        return node.asText();
    }

    /** True if an identity field is absent; a push must give it, so there it is also a problem. */
    private boolean missing(JsonNode node, String field, String whatToGive) {
        if (!absent(node)) {
            return false;
        }
        if (mode == ReadMode.PUSH) {
            problems.add(Finding.error("SCHEMA-MISSING", field, field + " is missing: give " + whatToGive));
        }
        return true;
    }

    private String text(JsonNode parent, String field, int maxLength) {
        return text(parent, field, field, maxLength);
    }

    private String text(JsonNode parent, String field, String path, int maxLength) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Finding.error("SCHEMA-TYPE", path, path + " must be a string, got " + describe(node)));
            return null;
        }
        if (node.asText().length() > maxLength) {
            problems.add(Finding.error(
                    "SCHEMA-LENGTH",
                    path,
                    path + " is " + node.asText().length() + " characters long; at most " + maxLength
                            + " are accepted"));
            return null;
        }
        return node.asText();
    }

    private LocalDate date(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(Finding.error(
                "SCHEMA-TYPE", "publishedOn", "publishedOn must be an ISO date like" + " \"2024-01-31\", got " + node));
        return null;
    }

    private Narrative narrative(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(Finding.error(
                    "SCHEMA-TYPE",
                    "narrative",
                    "narrative must be an object with overview," + " problems, other, got " + describe(node)));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!NARRATIVE_PARTS.contains(name) && !mode.ignores(name)) {
                problems.add(Finding.error(
                        "SCHEMA-UNKNOWN-KEY",
                        "narrative." + name,
                        "narrative." + name + " is not a narrative part; known: overview, problems, other"));
            }
        });
        return new Narrative(
                text(node, "overview", "narrative.overview", MAX_NARRATIVE_PART),
                text(node, "problems", "narrative.problems", MAX_NARRATIVE_PART),
                text(node, "other", "narrative.other", MAX_NARRATIVE_PART));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
