package cn.ogi.intake.parse;

import cn.ogi.form.edition.CellType;
import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Table 1 (主动公开政府信息情况): one printed row per form row, found by its label ({@code 规章},
 * {@code 行政许可} …, glosses such as {@code (市政府令)} allowed). A row printed without any number is recorded
 * as not stated (null); amounts are converted to the cell's unit.
 */
final class ActiveDisclosureReader {

    static final String SECTION = "activeDisclosure";

    private final CellSink sink;

    ActiveDisclosureReader(CellSink sink) {
        this.sink = sink;
    }

    /** Reads the section's rows; returns the number of form rows found. */
    int read(EditionDefinition edition, List<TextRow> rows, int from, int to) {
        SectionDefinition section = edition.section(SECTION).orElse(null);
        if (section == null || from < 0) {
            return 0;
        }
        List<RowDefinition> defs = section.rows();
        List<List<String>> labels = new ArrayList<>();
        for (RowDefinition r : defs) {
            labels.add(labelsOf(r));
        }
        boolean[] done = new boolean[defs.size()];
        int found = 0;
        for (int i = from; i < to && i < rows.size(); i++) {
            TextRow row = rows.get(i);
            String label = TextNormalizer.compact(row.label());
            if (label.isEmpty()) {
                continue;
            }
            int best = -1;
            int bestLen = 0;
            for (int d = 0; d < defs.size(); d++) {
                for (String l : labels.get(d)) {
                    if (!done[d] && label.contains(l) && l.length() > bestLen) {
                        best = d;
                        bestLen = l.length();
                    }
                }
            }
            boolean fuzzy = false;
            if (best < 0 && row.hasNumbers()) {
                double bestScore = 0.75;
                for (int d = 0; d < defs.size(); d++) {
                    double s = done[d] ? 0 : LabelMatcher.best(labels.get(d), label);
                    if (s >= bestScore) {
                        bestScore = s;
                        best = d;
                    }
                }
                fuzzy = best >= 0;
            }
            if (best < 0) {
                continue;
            }
            done[best] = true;
            found++;
            RowDefinition def = defs.get(best);
            List<String> keys = keysOf(def);
            if (fuzzy) {
                sink.note(ParseNote.FUZZY_LABEL, keys, "Table 1 row '" + row.label() + "' read as " + def.key());
            }
            TextRow values = row;
            if (!row.hasNumbers()
                    && !row.pipe()
                    && i + 1 < to
                    && i + 1 < rows.size()
                    && rows.get(i + 1).isNumericOnly()) {
                values = rows.get(++i); // numbers wrapped onto the next line
            }
            if (!values.hasNumbers()) {
                for (String k : keys) {
                    sink.put(k, null);
                }
                sink.note(
                        ParseNote.BLANK_ROW,
                        keys,
                        "Table 1 row " + def.key() + " printed without numbers; recorded as not stated");
                continue;
            }
            new RowResolver(sink).resolve(keys, values, null, converter(def));
        }
        for (int d = 0; d < defs.size(); d++) {
            if (!done[d]) {
                sink.note(
                        ParseNote.NOT_FOUND,
                        keysOf(defs.get(d)),
                        "Table 1 row " + defs.get(d).key() + " ('"
                                + labels.get(d).get(0) + "') not found");
            }
        }
        return found;
    }

    private Function<Quantity, BigDecimal> converter(RowDefinition def) {
        List<ColumnDefinition> cols = def.columns();
        return q -> {
            // the converter does not know the column, so amounts are recognised by their unit or decimals
            boolean amountRow = cols.stream().anyMatch(c -> c.type() == CellType.AMOUNT);
            if (q.unit() == null) {
                return q.value();
            }
            if (amountRow) {
                BigDecimal wan = q.inWan();
                if (!"万元".equals(q.unit())) {
                    sink.note(
                            ParseNote.UNIT_CONVERTED,
                            keysOf(def),
                            "amount printed as " + q.value().toPlainString() + q.unit() + ", recorded as "
                                    + wan.toPlainString() + " 万元");
                }
                return wan;
            }
            return q.inYuan();
        };
    }

    static List<String> keysOf(RowDefinition def) {
        List<String> keys = new ArrayList<>();
        for (ColumnDefinition c : def.columns()) {
            keys.add(SECTION + "." + def.key() + "." + c.key());
        }
        if (keys.isEmpty()) {
            keys.add(SECTION + "." + def.key());
        }
        return Collections.unmodifiableList(keys);
    }

    /** The label that identifies the row: the definition label without its 第二十条第（X）项 prefix. */
    static List<String> labelsOf(RowDefinition r) {
        String label = r.label();
        int space = label.lastIndexOf(' ');
        String own = TextNormalizer.compact(TextNormalizer.normalize(space >= 0 ? label.substring(space + 1) : label));
        List<String> out = new ArrayList<>();
        out.add(own);
        if (own.startsWith("行政规范性文件")) {
            out.add("规范性文件");
        }
        return out;
    }
}
