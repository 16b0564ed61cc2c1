package cn.ogi.form.diff;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cell-level differences between two versions of a report. */
public final class ReportDiff {

    private ReportDiff() {}

    /**
     * The cells whose values differ, in canonical order (the {@code to} edition's cell order, then the
     * {@code from} edition's, then any other key). Absent and blank both read as null; numbers compare
     * numerically (1.50 equals 1.5).
     */
    public static List<CellChange> between(AnnualReport from, AnnualReport to) {
        Set<String> keys = new LinkedHashSet<>();
        for (AnnualReport report : List.of(to, from)) {
            Editions.standard()
                    .find(report.edition())
                    .ifPresent(e -> e.cells().stream()
                            .map(CellDefinition::key)
                            .filter(k -> from.cells().has(k) || to.cells().has(k))
                            .forEach(keys::add));
        }
        keys.addAll(to.cells().keys());
        keys.addAll(from.cells().keys());
        List<CellChange> changes = new ArrayList<>();
        for (String key : keys) {
            BigDecimal a = from.cells().value(key).orElse(null);
            BigDecimal b = to.cells().value(key).orElse(null);
            boolean same = a == null ? b == null : b != null && a.compareTo(b) == 0;
            if (!same) {
                changes.add(new CellChange(key, a, b));
            }
        }
        return changes;
    }
}
