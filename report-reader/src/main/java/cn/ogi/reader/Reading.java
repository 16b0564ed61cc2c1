package cn.ogi.reader;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published report read into the canonical form.
 *
 * @param report the canonical report: every cell of the tables found is present, with its value or null when
 *               it could not be established (never a guess)
 * @param source the form, size, SHA-256, pages and table places of what was read
 * @param cells  for every cell of the report: how its value was established, or why it is null
 * @param notes  what was decided on the way
 * @param text   the text that was read, line by line (a PDF's text layer or a page's visible text, as laid out)
 */
public record Reading(
        AnnualReport report, SourceInfo source, Map<String, CellReading> cells, List<ReadNote> notes, String text) {

    public Reading {
        cells = Map.copyOf(cells);
        notes = List.copyOf(notes);
        text = text == null ? "" : text;
    }

    public Reading(AnnualReport report, SourceInfo source, Map<String, CellReading> cells, List<ReadNote> notes) {
        this(report, source, cells, notes, "");
    }

    public String edition() {
        return report.edition();
    }

    /** The report with every cell printed blank as 0, as the form means it (for judging it by the rules). */
    public AnnualReport reportWithBlanksAsZero() {
        Map<String, BigDecimal> values = new LinkedHashMap<>(report.cells().asMap());
        cells.forEach((key, cell) -> {
            if (cell.provenance() == Provenance.BLANK_AS_PRINTED && values.containsKey(key)) {
                values.put(key, BigDecimal.ZERO);
            }
        });
        return report.withCells(ReportCells.of(values));
    }
}
