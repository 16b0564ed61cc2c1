package cn.ogi.reader;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.model.ReportCells;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.Rendered;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares a reading with the truth cell by cell: exact (equal, or both null), unknown (the reading null where the
 * truth has a value), wrong (a value that is not the truth's, or any value where the truth has none). A cell the
 * reader read as printed blank counts as 0, as the form means it.
 */
final class CellComparison {

    private static final Set<String> SECTIONS = Set.of("activeDisclosure", "applications", "reviews", "processingFees");

    private CellComparison() {}

    /** Every cell that is not exact, with the reader's provenance or reason and note (for looking at one case). */
    static List<String> notExact(GeneratedReport truth, Reading reading) {
        List<String> lines = new ArrayList<>();
        ReportCells expected = truth.truth().cells();
        ReportCells actual = reading.reportWithBlanksAsZero().cells(); // a blank printed cell means 0
        for (CellDefinition cell : truth.edition().cells()) {
            BigDecimal t = expected.value(cell.key()).orElse(null);
            BigDecimal v = actual.value(cell.key()).orElse(null);
            boolean exact = (t == null && v == null) || (t != null && v != null && t.compareTo(v) == 0);
            if (!exact && SECTIONS.contains(cell.section())) {
                CellReading how = reading.cells().get(cell.key());
                lines.add(cell.key() + ": truth " + t + ", read " + v
                        + (truth.blankCells().contains(cell.key()) ? " (printed blank)" : "")
                        + (how == null
                                ? ""
                                : " [" + (how.known() ? how.provenance() : how.unknown()) + ": " + how.note() + "]"));
            }
        }
        return lines;
    }

    /** The cells two readings of the same report read otherwise, each as "key: first → second" (empty if none). */
    static List<String> differingCells(Reading first, Reading second) {
        return first.cells().keySet().stream()
                .filter(key -> !first.cells().get(key).equals(second.cells().get(key)))
                .map(key -> key + ": " + first.cells().get(key) + " → "
                        + second.cells().get(key))
                .toList();
    }

    static CaseResult compare(GeneratedReport truth, Rendered rendered, Reading reading, long nanos) {
        ReportCells expected = truth.truth().cells();
        ReportCells actual = reading.reportWithBlanksAsZero().cells(); // a blank printed cell means 0
        int cells = 0;
        int exact = 0;
        int unknown = 0;
        int wrong = 0;
        List<String> examples = new ArrayList<>();
        for (CellDefinition cell : truth.edition().cells()) {
            if (!SECTIONS.contains(cell.section()) || !(expected.has(cell.key()) || actual.has(cell.key()))) {
                continue;
            }
            cells++;
            BigDecimal t = expected.value(cell.key()).orElse(null);
            BigDecimal v = actual.value(cell.key()).orElse(null);
            if (v == null) {
                if (t == null) {
                    exact++;
                } else {
                    unknown++;
                }
            } else if (t != null && t.compareTo(v) == 0) {
                exact++;
            } else {
                wrong++;
                CellReading how = reading.cells().get(cell.key());
                examples.add(cell.key() + ": truth " + (t == null ? "null" : t.toPlainString()) + ", read "
                        + v.toPlainString() + (truth.blankCells().contains(cell.key()) ? " (printed blank)" : "")
                        + (how == null ? "" : " [" + how.provenance() + ": " + how.note() + "]"));
            }
        }
        boolean formOk = reading.source() != null && reading.source().form() == rendered.expectedForm();
        return new CaseResult(
                rendered.renderer(), truth.seed(), cells, exact, unknown, wrong, formOk, null, null, nanos, examples);
    }
}
