package cn.ogi.reader.render;

import cn.ogi.form.edition.CellType;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A generated report and how it is printed: the truth a reader must find (a cell null = a Table 1 row not
 * stated; a cell absent = a row not printed, e.g. the merged （六） rows), which zero cells are printed blank,
 * and which rules its printed totals break (as publishers' totals sometimes do).
 *
 * @param seed         the generator seed that reproduces it
 * @param truth        the canonical report as printed
 * @param blankCells   cells whose value 0 is printed as an empty cell
 * @param brokenRules  codes of the rules a printed total contradicts (empty for most reports)
 * @param fee          the 信息处理费 sentence's figure, or null when the report does not state it
 * @param habits       how the agency prints its tables (a mark in blank cells, headers repeated, notes)
 */
public record GeneratedReport(
        long seed,
        AnnualReport truth,
        Set<String> blankCells,
        List<String> brokenRules,
        FeeStatement fee,
        PrintHabits habits) {

    /** The processing-fee sentence: an amount in 元, or "none charged" (then the amount is 0). */
    public record FeeStatement(BigDecimal amountYuan, boolean noneCharged) {}

    public GeneratedReport {
        blankCells = Set.copyOf(blankCells);
        brokenRules = List.copyOf(brokenRules);
    }

    /** The same report printed with other habits. */
    public GeneratedReport withHabits(PrintHabits other) {
        return new GeneratedReport(seed, truth, blankCells, brokenRules, fee, other);
    }

    public EditionDefinition edition() {
        return Editions.standard().get(truth.edition());
    }

    public FormVocabulary vocabulary() {
        return Vocabularies.of(truth.edition());
    }

    public boolean has(String key) {
        return truth.cells().has(key);
    }

    public BigDecimal value(String key) {
        return truth.cells().value(key).orElse(null);
    }

    /** True when the cell prints as an empty cell: not stated (null) or a zero printed blank. */
    public boolean printsBlank(String key) {
        return value(key) == null || blankCells.contains(key);
    }

    /**
     * The cell as printed: "" when blank, or the agency's mark for nothing ({@link PrintHabits#blankMark()}); a number
     * as the agency types it ({@link PrintHabits.Digits}).
     */
    public String printed(String key) {
        if (printsBlank(key)) {
            return habits.blankMark();
        }
        CellType type = edition().cell(key).orElseThrow().type();
        BigDecimal v = value(key);
        return habits.digits().print(type.integral() ? v.toBigInteger().toString() : v.toPlainString());
    }

    /** True if every cell of the row is absent from the truth (the row is not printed). */
    public boolean rowAbsent(String section, String row) {
        String prefix = section + "." + row + ".";
        return truth.cells().keys().stream().noneMatch(k -> k.startsWith(prefix));
    }
}
