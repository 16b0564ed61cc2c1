package cn.ogi.form.rules;

import cn.ogi.form.edition.CellBounds;
import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-cell bounds of the edition files ({@link CellBounds}): a value outside them is a {@code VALUE-RANGE}
 * error naming the cell. The JSON reader applies it to every number it reads (the cell is then left out of the
 * report); reports made otherwise (parsed from a published text) are checked with {@link #check(EditionDefinition,
 * ReportCells)} before they are stored.
 */
public final class ValueRange {

    public static final String CODE = "VALUE-RANGE";

    private ValueRange() {}

    public static Optional<Finding> check(CellDefinition cell, BigDecimal value) {
        return cell.bounds()
                .problem(value)
                .map(problem -> Finding.error(CODE, cell.key(), cell.key() + " (" + cell.label() + ") " + problem));
    }

    /** A finding for a number that is not finite (1e309 read as a double), naming the cell. */
    public static Finding notFinite(CellDefinition cell, String shown) {
        return Finding.error(
                CODE,
                cell.key(),
                cell.key() + " (" + cell.label() + ") is " + shown + "; it must be from "
                        + cell.bounds().min().toPlainString() + " to "
                        + cell.bounds().max().toPlainString());
    }

    /** Every stated value of the report outside its cell's bounds. */
    public static List<Finding> check(EditionDefinition edition, ReportCells cells) {
        List<Finding> findings = new ArrayList<>();
        for (CellDefinition cell : edition.cells()) {
            cells.value(cell.key()).flatMap(v -> check(cell, v)).ifPresent(findings::add);
        }
        return findings;
    }
}
