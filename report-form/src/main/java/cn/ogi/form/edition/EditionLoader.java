package cn.ogi.form.edition;

import cn.ogi.form.rules.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an edition definition file (format: report-form/README.md). It does not check rule references;
 * {@link DefinitionCheck} does, and {@link Editions} refuses to load a definition that fails it.
 */
public final class EditionLoader {

    private EditionLoader() {}

    /**
     * Reads an edition definition.
     *
     * @param root     the edition file
     * @param includes resolves the name an edition file includes to that file's JSON (rules files)
     */
    public static EditionDefinition parse(JsonNode root, Function<String, JsonNode> includes) {
        String id = text(root, "edition");
        Map<CellType, CellBounds> bounds = bounds(root.path("bounds"), id);
        Map<String, List<ColumnDefinition>> columnSets = new LinkedHashMap<>();
        root.path("columnSets")
                .fields()
                .forEachRemaining(e -> columnSets.put(e.getKey(), columns(e.getValue(), bounds)));
        List<SectionDefinition> sections = new ArrayList<>();
        for (JsonNode s : root.path("sections")) {
            boolean sectionRequired = s.path("required").asBoolean(true);
            List<RowDefinition> rows = new ArrayList<>();
            for (JsonNode r : s.path("rows")) {
                rows.add(row(r, sectionRequired, columnSets, bounds, id));
            }
            sections.add(new SectionDefinition(text(s, "key"), s.path("label").asText(null), rows));
        }
        JsonNode years = root.path("years");
        // Rules are resolved against this edition, so a shared rules file adapts to each edition's rows.
        var partial = new EditionDefinition(
                id,
                root.path("label").asText(null),
                intOrNull(years, "from"),
                intOrNull(years, "to"),
                columnSets,
                sections,
                List.of(),
                List.of());
        List<RuleDefinition> rules = new ArrayList<>();
        List<IndicatorDefinition> indicators = new ArrayList<>();
        List<JsonNode> files = new ArrayList<>();
        root.path("include").forEach(include -> files.add(includes.apply(include.asText())));
        files.add(root);
        for (JsonNode file : files) {
            file.path("rules").forEach(rule -> rules.add(rule(rule, partial)));
            file.path("indicators").forEach(indicator -> indicators.add(indicator(indicator, partial)));
        }
        return new EditionDefinition(
                id,
                partial.label(),
                intOrNull(years, "from"),
                intOrNull(years, "to"),
                columnSets,
                sections,
                rules,
                indicators);
    }

    /** {@code "bounds": {"count": {"min": 0, "max": 100000000}, …}}: every cell type needs its bounds. */
    private static Map<CellType, CellBounds> bounds(JsonNode node, String edition) {
        Map<CellType, CellBounds> bounds = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            JsonNode b = node.path(type.jsonName());
            if (!b.path("min").isNumber() || !b.path("max").isNumber()) {
                throw new IllegalStateException("edition " + edition + ": bounds." + type.jsonName()
                        + " needs numeric \"min\" and \"max\" (every cell type has documented bounds)");
            }
            int scale = b.path("scale").asInt(0);
            if (type.integral() && scale != 0) {
                throw new IllegalStateException("edition " + edition + ": bounds." + type.jsonName()
                        + " is an integer type; its scale must be 0");
            }
            bounds.put(
                    type,
                    new CellBounds(b.get("min").decimalValue(), b.get("max").decimalValue(), scale));
        }
        return bounds;
    }

    private static CellBounds cellBounds(JsonNode node, CellType type, Map<CellType, CellBounds> bounds) {
        return bounds.get(type).narrowedBy(node.path("bounds"));
    }

    private static RowDefinition row(
            JsonNode r,
            boolean sectionRequired,
            Map<String, List<ColumnDefinition>> sets,
            Map<CellType, CellBounds> bounds,
            String edition) {
        String key = text(r, "key");
        boolean required = r.path("required").asBoolean(sectionRequired);
        JsonNode columns = r.path("columns");
        if (columns.isTextual()) {
            List<ColumnDefinition> set = sets.get(columns.asText());
            if (set == null) {
                throw new IllegalStateException(
                        "edition " + edition + " row " + key + " names unknown column set '" + columns.asText() + "'");
            }
            return new RowDefinition(key, r.path("label").asText(null), columns.asText(), set, null, null, required);
        }
        if (columns.isArray()) {
            return new RowDefinition(
                    key, r.path("label").asText(null), null, columns(columns, bounds), null, null, required);
        }
        CellType leaf = type(r);
        return new RowDefinition(
                key, r.path("label").asText(null), null, List.of(), leaf, cellBounds(r, leaf, bounds), required);
    }

    private static List<ColumnDefinition> columns(JsonNode array, Map<CellType, CellBounds> bounds) {
        List<ColumnDefinition> result = new ArrayList<>();
        for (JsonNode c : array) {
            CellType type = type(c);
            result.add(new ColumnDefinition(
                    text(c, "key"), c.path("label").asText(null), type, cellBounds(c, type, bounds)));
        }
        return result;
    }

    private static CellType type(JsonNode node) {
        return CellType.fromJsonName(node.path("type").asText("count"));
    }

    private static RuleDefinition rule(JsonNode r, EditionDefinition edition) {
        String code = text(r, "code");
        Severity severity = Severity.fromJson(text(r, "severity"));
        String message = text(r, "message");
        if (r.path("kind").asText("compare").equals("nonNegative")) {
            Set<CellType> types = EnumSet.noneOf(CellType.class);
            r.path("types").forEach(t -> types.add(CellType.fromJsonName(t.asText())));
            return new RuleDefinition(
                    code,
                    severity,
                    RuleDefinition.Kind.NON_NEGATIVE,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    message,
                    types,
                    false);
        }
        JsonNode forEach = r.path("forEach");
        String variable = forEach.isObject() ? text(forEach, "var") : null;
        List<String> values = forEach.isObject() ? values(forEach.path("in"), edition, code) : List.of();
        return new RuleDefinition(
                code,
                severity,
                RuleDefinition.Kind.COMPARE,
                variable,
                values,
                Expression.parse(text(r, "left")),
                Comparison.fromSymbol(text(r, "op")),
                Expression.parse(text(r, "right")),
                message,
                Set.of(),
                r.path("derives").asBoolean(false));
    }

    /** {@code {"key", "label", "forEach"?, "numerator", "denominator"}}: numerator and denominator are sums of cells. */
    private static IndicatorDefinition indicator(JsonNode i, EditionDefinition edition) {
        String key = text(i, "key");
        JsonNode forEach = i.path("forEach");
        return new IndicatorDefinition(
                key,
                text(i, "label"),
                forEach.isObject() ? text(forEach, "var") : null,
                forEach.isObject() ? values(forEach.path("in"), edition, key) : List.of(),
                Expression.parse(text(i, "numerator")),
                Expression.parse(text(i, "denominator")));
    }

    /** {@code "columns:<set>"}, {@code "rows:<section>"} or a literal array of values. */
    private static List<String> values(JsonNode in, EditionDefinition edition, String code) {
        if (in.isArray()) {
            List<String> list = new ArrayList<>();
            in.forEach(v -> list.add(v.asText()));
            return list;
        }
        String source = in.asText("");
        if (source.startsWith("columns:")) {
            return edition.columnKeys(source.substring("columns:".length()));
        }
        if (source.startsWith("rows:")) {
            return edition.rowKeys(source.substring("rows:".length()));
        }
        throw new IllegalStateException("definition " + code + " of edition " + edition.id()
                + ": forEach.in must be \"columns:<set>\", \"rows:<section>\" or an array, got '" + source + "'");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("edition definition: '" + field + "' missing or not a string in " + node);
        }
        return value.asText();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
