package cn.ogi.reader;

import cn.ogi.reader.render.GeneratedReport;
import java.math.BigDecimal;
import java.util.Map;

/** The truth of a generated report as lines {@code key = value} (blank-printed cells marked), for people. */
final class TruthText {

    private TruthText() {}

    static String of(GeneratedReport r) {
        StringBuilder s = new StringBuilder();
        s.append("seed ")
                .append(r.seed())
                .append(", edition ")
                .append(r.truth().edition())
                .append(", year ")
                .append(r.truth().year())
                .append(", broken rules ")
                .append(r.brokenRules())
                .append('\n');
        for (Map.Entry<String, BigDecimal> e : r.truth().cells().asMap().entrySet()) {
            s.append(e.getKey())
                    .append(" = ")
                    .append(e.getValue() == null ? "null" : e.getValue().toPlainString());
            if (r.blankCells().contains(e.getKey())) {
                s.append("  (printed blank)");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
