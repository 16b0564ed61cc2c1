package cn.ogi.stats.model;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReadResult;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.ReportCells;
import cn.ogi.form.rules.ValueRange;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stated, non-zero cells of a report in canonical JSON — what {@code ReportJson.read(report, PUBLISHED)}
 * gives, read without building the report: the feed carries reports reporting-service already accepted, and a
 * country's rebuild reads three million of them. Like the reader of report-form it walks the members of the
 * report against its edition: a cell holds a number of its type within its bounds (a count must be whole and not
 * negative; VALUE-RANGE), objects of the form are
 * descended into, annotations ({@code notes}, {@code findings}, {@code acceptAlso}) and unknown keys are skipped,
 * blank (null) cells state nothing. A report whose {@code edition} is not a known id is read by report-form itself.
 * {@code CellReaderTest} checks both give the same cells.
 */
final class CellReader {

    private static final Set<String> IDENTITY =
            Set.of("agencyCode", "agencyName", "year", "edition", "correctionReason", "publishedOn", "narrative");
    private static final Set<String> ANNOTATIONS = Set.of("notes", "findings", "acceptAlso");
    /** Each edition's top-level members ({@link Member}), built once from its cells. */
    private static final Map<EditionDefinition, Map<String, Member>> MEMBERS = new ConcurrentHashMap<>();

    private CellReader() {}

    static Map<String, BigDecimal> read(JsonNode report) {
        JsonNode id = report.get("edition");
        Optional<EditionDefinition> edition =
                id != null && id.isTextual() ? Editions.standard().find(id.asText()) : Optional.empty();
        if (edition.isEmpty()) {
            return byReportForm(report);
        }
        Map<String, BigDecimal> cells = new HashMap<>();
        Map<String, Member> members = MEMBERS.computeIfAbsent(edition.get(), CellReader::members);
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!IDENTITY.contains(f.getKey())) {
                member(edition.get(), members, null, f.getKey(), f.getValue(), cells);
            }
        }
        return cells;
    }

    /**
     * A member of the edition's canonical JSON: a cell, an object of the form holding members, or (rarely) both
     * names. Its full dotted key is kept, so that reading a report builds no path strings: every member is found
     * by its own name, whose hash the parsed JSON name already holds.
     *
     * @param key     the member's dotted path, the cell's key where it is one
     * @param cell    the cell of that key, or null
     * @param object  whether the edition defines the key as an object path (descended into when not a cell)
     * @param members the members inside it, by name
     */
    private record Member(String key, CellDefinition cell, boolean object, Map<String, Member> members) {}

    private static Map<String, Member> members(EditionDefinition edition) {
        Map<String, Member> top = new HashMap<>();
        for (CellDefinition cell : edition.cells()) {
            Map<String, Member> level = top;
            int from = 0;
            while (true) {
                int dot = cell.key().indexOf('.', from);
                String key = dot < 0 ? cell.key() : cell.key().substring(0, dot);
                String name = key.substring(from);
                Member existing = level.get(name);
                Member member = existing != null
                        ? existing
                        : new Member(key, edition.cell(key).orElse(null), edition.isObjectPath(key), new HashMap<>());
                level.put(name, member);
                if (dot < 0) {
                    break;
                }
                level = member.members();
                from = dot + 1;
            }
        }
        return top;
    }

    private static void member(
            EditionDefinition edition,
            Map<String, Member> level,
            String parent,
            String name,
            JsonNode value,
            Map<String, BigDecimal> cells) {
        if (ANNOTATIONS.contains(name)) {
            return;
        }
        Member member = level.get(name);
        if (member == null) {
            if (name.indexOf('.') >= 0) {
                // a member name written with its dots ("normativeDocuments.issued"): the report form reads it as a path
                byPath(edition, parent == null ? name : parent + "." + name, value, cells);
            }
            return; // neither a cell nor an object of the form, nor holding one: unknown keys are skipped
        }
        CellDefinition cell = member.cell();
        if (cell != null) {
            put(cell, member.key(), value, cells);
        } else if (value.isObject() && member.object()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                member(edition, member.members(), member.key(), f.getKey(), f.getValue(), cells);
            }
        }
    }

    private static void put(CellDefinition cell, String key, JsonNode value, Map<String, BigDecimal> cells) {
        if (value.isNumber() && !((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue()))) {
            BigDecimal number = value.decimalValue();
            if (cell.type().accepts(number)
                    && number.signum() != 0
                    && ValueRange.check(cell, number).isEmpty()) {
                cells.put(key, ReportCells.normalise(number));
            }
        }
    }

    /** The rare member whose name holds dots, read by its dotted path as the report form reads it. */
    private static void byPath(EditionDefinition edition, String path, JsonNode value, Map<String, BigDecimal> cells) {
        if (ANNOTATIONS.contains(path.substring(path.lastIndexOf('.') + 1))) {
            return;
        }
        Optional<CellDefinition> cell = edition.cell(path);
        if (cell.isPresent()) {
            put(cell.get(), path, value, cells);
        } else if (value.isObject() && edition.isObjectPath(path)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                byPath(edition, path + "." + f.getKey(), f.getValue(), cells);
            }
        }
    }

    /** report-form's reader, for what the fast path does not take. */
    static Map<String, BigDecimal> byReportForm(JsonNode report) {
        Map<String, BigDecimal> cells = new HashMap<>();
        ReadResult read = ReportJson.standard().read(report, ReadMode.PUBLISHED);
        if (read.report() != null) {
            read.report().cells().asMap().forEach((key, value) -> {
                if (value != null && value.signum() != 0) {
                    cells.put(key, value);
                }
            });
        }
        return cells;
    }
}
