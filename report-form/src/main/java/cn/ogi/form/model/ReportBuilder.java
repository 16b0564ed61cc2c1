package cn.ogi.form.model;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RuleDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fluent builder of a report in canonical form, for the JSON reader, tests and demo data. Cells are checked
 * against the edition, so a typo in a key fails at once instead of producing a report with an unknown cell;
 * {@link #build()} puts them in the edition's order, whatever order they were set in.
 */
public final class ReportBuilder {

    private final EditionDefinition edition;
    private final Integer year;
    private final Map<String, BigDecimal> cells = new HashMap<>();
    private String agencyCode;
    private String agencyName;
    private String correctionReason;
    private LocalDate publishedOn;
    private Narrative narrative;

    private ReportBuilder(EditionDefinition edition, Integer year) {
        this.edition = edition;
        this.year = year;
    }

    /** A report of the edition with no cells yet; the year may be null (a report that does not say it). */
    public static ReportBuilder of(EditionDefinition edition, Integer year) {
        return new ReportBuilder(edition, year);
    }

    /** A report of the edition with every required cell 0 (optional cells absent). */
    public static ReportBuilder blank(String edition, int year) {
        ReportBuilder b = new ReportBuilder(Editions.standard().get(edition), year);
        for (CellDefinition cell : b.edition.cells()) {
            if (cell.required()) {
                b.cells.put(cell.key(), BigDecimal.ZERO);
            }
        }
        return b;
    }

    /** A copy of an existing report to change a few things. */
    public static ReportBuilder from(AnnualReport report) {
        ReportBuilder b = new ReportBuilder(
                Editions.standard().get(report.edition()), Objects.requireNonNullElse(report.year(), 0));
        b.cells.putAll(report.cells().asMap());
        b.agencyCode = report.agencyCode();
        b.agencyName = report.agencyName();
        b.correctionReason = report.correctionReason();
        b.publishedOn = report.publishedOn();
        b.narrative = report.narrative();
        return b;
    }

    public ReportBuilder agencyCode(String code) {
        this.agencyCode = code;
        return this;
    }

    public ReportBuilder agencyName(String name) {
        this.agencyName = name;
        return this;
    }

    public ReportBuilder correctionReason(String reason) {
        this.correctionReason = reason;
        return this;
    }

    public ReportBuilder publishedOn(LocalDate date) {
        this.publishedOn = date;
        return this;
    }

    public ReportBuilder narrative(Narrative narrative) {
        this.narrative = narrative;
        return this;
    }

    public ReportBuilder cell(String key, long value) {
        return cell(key, BigDecimal.valueOf(value));
    }

    /** Sets a cell; a null value means "printed blank". */
    public ReportBuilder cell(String key, BigDecimal value) {
        if (!edition.hasCell(key)) {
            throw new IllegalArgumentException("edition " + edition.id() + " has no cell '" + key + "'");
        }
        cells.put(key, value);
        return this;
    }

    /** Removes a cell, as if its row had not been printed. */
    public ReportBuilder without(String key) {
        cells.remove(key);
        return this;
    }

    /** Shorthand for {@code cell("applications." + row + "." + column, value)}. */
    public ReportBuilder applications(String row, String column, long value) {
        return cell("applications." + row + "." + column, value);
    }

    /** Shorthand for {@code cell("reviews." + group + "." + column, value)}. */
    public ReportBuilder reviews(String group, String column, long value) {
        return cell("reviews." + group + "." + column, value);
    }

    /**
     * Fills every total the edition's deriving rules define (those marked {@code "derives": true}: the
     * right side is a total, the left side its parts), repeating until stable because totals feed totals.
     */
    public ReportBuilder withComputedTotals() {
        for (int pass = 0; pass < 10; pass++) {
            boolean changed = false;
            for (RuleDefinition rule : edition.rules()) {
                if (!rule.derives()) {
                    continue;
                }
                for (Map<String, String> binding : rule.bindings()) {
                    changed |= derive(rule.left().bind(binding), rule.right().bind(binding));
                }
            }
            if (!changed) {
                return this;
            }
        }
        throw new IllegalStateException("totals of edition " + edition.id() + " do not settle");
    }

    private boolean derive(Expression parts, Expression total) {
        String target = total.terms().get(0).reference();
        BigDecimal sum = BigDecimal.ZERO;
        boolean anyPresent = false;
        for (Expression.Term term : parts.terms()) {
            if (term.isLiteral()) {
                sum = sum.add(term.literal().multiply(BigDecimal.valueOf(term.sign())));
                continue;
            }
            for (String key : edition.expand(term.reference())) {
                if (cells.containsKey(key)) {
                    anyPresent = true;
                    BigDecimal v = Objects.requireNonNullElse(cells.get(key), BigDecimal.ZERO);
                    sum = sum.add(v.multiply(BigDecimal.valueOf(term.sign())));
                }
            }
        }
        if (!anyPresent || (cells.get(target) != null && cells.get(target).compareTo(sum) == 0)) {
            return false;
        }
        cells.put(target, sum);
        return true;
    }

    public AnnualReport build() {
        // Canonical order: the edition's cell order, whatever order the cells were set in.
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (CellDefinition cell : edition.cells()) {
            if (cells.containsKey(cell.key())) {
                ordered.put(cell.key(), cells.get(cell.key()));
            }
        }
        return new AnnualReport(
                agencyCode,
                agencyName,
                year,
                edition.id(),
                correctionReason,
                publishedOn,
                narrative,
                ReportCells.of(ordered));
    }
}
