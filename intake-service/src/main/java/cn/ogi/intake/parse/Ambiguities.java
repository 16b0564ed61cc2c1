package cn.ogi.intake.parse;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides the rows whose numbers fit several placements, using the report's own rules (勾稽关系) across the
 * whole report: the placement that breaks the fewest error rules wins; a tie keeps the print-order placement,
 * or leaves the cells blank when there is none.
 */
final class Ambiguities {

    private final RuleEngine rules;

    Ambiguities(RuleEngine rules) {
        this.rules = rules;
    }

    void resolve(CellSink sink, Function<Map<String, BigDecimal>, AnnualReport> reportOf) {
        List<CellSink.Ambiguity> pending = new ArrayList<>(sink.pending);
        sink.pending.clear();
        for (CellSink.Ambiguity a : pending) {
            put(sink.cells, a.keys(), a.preferred() >= 0 ? a.candidates().get(a.preferred()) : null);
        }
        for (CellSink.Ambiguity a : pending) {
            int best = Integer.MAX_VALUE;
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < a.candidates().size(); i++) {
                Map<String, BigDecimal> trial = new LinkedHashMap<>(sink.cells);
                put(trial, a.keys(), a.candidates().get(i));
                int errors = errors(reportOf.apply(trial));
                if (errors < best) {
                    best = errors;
                    winners.clear();
                }
                if (errors == best) {
                    winners.add(i);
                }
            }
            int chosen;
            String how;
            if (winners.size() == 1) {
                chosen = winners.get(0);
                how = "the report's rules single out " + a.candidates().get(chosen);
            } else if (a.preferred() >= 0 && winners.contains(a.preferred())) {
                chosen = a.preferred();
                how = winners.size() + " placements fit the rules equally; kept "
                        + (a.split() ? "the equal-width split " : "print order ")
                        + a.candidates().get(chosen);
            } else {
                chosen = -1;
                how = winners.size() + " placements fit the rules equally; cells left blank";
            }
            List<BigDecimal> values = chosen >= 0 ? a.candidates().get(chosen) : null;
            put(sink.cells, a.keys(), values);
            List<String> nulls = new ArrayList<>();
            for (int i = 0; i < a.keys().size(); i++) {
                if (values == null || values.get(i) == null) {
                    nulls.add(a.keys().get(i));
                }
            }
            if (chosen >= 0 && (a.split() || chosen != a.preferred())) {
                sink.note(ParseNote.INFERRED, a.keys(), a.what() + "; " + how);
            }
            if (!nulls.isEmpty()) {
                sink.note(ParseNote.MISSING_NUMBER, nulls, a.what() + "; " + how + "; left blank: " + nulls);
            }
        }
    }

    private int errors(AnnualReport report) {
        try {
            int n = 0;
            for (Finding f : rules.evaluate(report)) {
                if (f.severity() == Severity.ERROR) {
                    n++;
                }
            }
            return n;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void put(Map<String, BigDecimal> cells, List<String> keys, List<BigDecimal> values) {
        for (int i = 0; i < keys.size(); i++) {
            cells.put(keys.get(i), values == null ? null : values.get(i));
        }
    }
}
