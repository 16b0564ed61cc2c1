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

    private CellReader() {}

    static Map<String, BigDecimal> read(JsonNode report) {
        JsonNode id = report.get("edition");
        Optional<EditionDefinition> edition =
                id != null && id.isTextual() ? Editions.standard().find(id.asText()) : Optional.empty();
        if (edition.isEmpty()) {
            return byReportForm(report);
        }
        Map<String, BigDecimal> cells = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!IDENTITY.contains(f.getKey())) {
                member(edition.get(), f.getKey(), f.getValue(), cells);
            }
        }
        return cells;
    }

    private static void member(EditionDefinition edition, String path, JsonNode value, Map<String, BigDecimal> cells) {
        if (ANNOTATIONS.contains(path.substring(path.lastIndexOf('.') + 1))) {
            return;
        }
        Optional<CellDefinition> cell = edition.cell(path);
        if (cell.isPresent()) {
            if (value.isNumber() && !((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue()))) {
                BigDecimal number = value.decimalValue();
                if (cell.get().type().accepts(number)
                        && number.signum() != 0
                        && ValueRange.check(cell.get(), number).isEmpty()) {
                    cells.put(path, ReportCells.normalise(number));
                }
            }
        } else if (value.isObject() && edition.isObjectPath(path)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                member(edition, path + "." + f.getKey(), f.getValue(), cells);
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
