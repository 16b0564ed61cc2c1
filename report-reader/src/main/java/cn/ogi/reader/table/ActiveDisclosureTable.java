package cn.ogi.reader.table;

import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Table 1 (主动公开) of a report, read row by row by its labels (see {@link TableReaders}): each printed row belongs
 * to the form row whose label it prints last; the table has no sums, so each block of rows sharing their columns is
 * read as a small table of its own.
 */
final class ActiveDisclosureTable extends ReportTable {

    ActiveDisclosureTable(TableReaders tables) {
        super(tables);
    }

    @Override
    int read() {
        List<RowSpec> specs = new ArrayList<>();
        for (RowSpec s : RowSpec.of(edition, TableReaders.ACTIVE)) {
            String own = s.labels().get(0);
            specs.add(own.equals("行政规范性文件") ? s.withLabels(List.of("规范性文件")) : s);
        }
        if (specs.isEmpty() || regions.t1() < 0) {
            return 0;
        }
        List<ObservedRow> rows = ObservedRow.of(tokens, regions.t1(), regions.t1End());
        List<ObservedRow> matched = matched(specs, rows);
        tables.place(TableReaders.ACTIVE, matched);
        // a row printed without any number is not stated (null), not a row of zeros
        List<RowSpec> printed = new ArrayList<>();
        List<ObservedRow> printedRows = new ArrayList<>();
        for (int s = 0; s < specs.size(); s++) {
            ObservedRow row = matched.get(s);
            if (row != null && row.numbers() == 0) {
                for (CellSpec c : specs.get(s).cells()) {
                    book.unknown(c.key(), Unknown.NOT_FOUND, List.of(), "the row is printed without numbers");
                }
                book.note(
                        ReadNote.BLANK_ROW,
                        specs.get(s).cellKeys(),
                        "Table 1 row " + specs.get(s).key() + " printed without any number: not stated");
                continue;
            }
            printed.add(specs.get(s));
            printedRows.add(row);
        }
        readBlocks(printed, printedRows);
        return (int) matched.stream().filter(r -> r != null).count();
    }

    /** For each form row, the printed row whose own label matches it best (well enough), or null. */
    private static List<ObservedRow> matched(List<RowSpec> specs, List<ObservedRow> rows) {
        // each printed row belongs to the form row whose label it prints last (right before its numbers)
        List<ObservedRow> matched = new ArrayList<>();
        double[][] scores = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            scores[i] = RowAlignment.ownScores(specs, rows.get(i).label());
        }
        Set<Integer> used = new HashSet<>();
        for (int j = 0; j < specs.size(); j++) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!used.contains(i) && scores[i][j] > bestScore + 1e-9) {
                    best = i;
                    bestScore = scores[i][j];
                }
            }
            if (best >= 0 && bestScore >= 0.7) {
                used.add(best);
                matched.add(rows.get(best));
            } else {
                matched.add(null);
            }
        }
        return matched;
    }

    /**
     * Table 1 has no sums: each block (rows sharing their columns) is its own small table, its columns placed by the
     * block's own header where a layout has positions.
     */
    private void readBlocks(List<RowSpec> printed, List<ObservedRow> printedRows) {
        int from = regions.t1();
        for (int b = 0; b < printed.size(); ) {
            int end = b + 1;
            while (end < printed.size()
                    && TableReaders.columnLabels(printed.subList(end, end + 1))
                            .equals(TableReaders.columnLabels(printed.subList(b, b + 1)))) {
                end++;
            }
            int firstValue = -1;
            for (int r = b; r < end && firstValue < 0; r++) {
                firstValue =
                        printedRows.get(r) == null ? -1 : printedRows.get(r).first();
            }
            java.util.Map<Integer, double[]> header = tables.measuredPositions && from >= 0 && from <= firstValue
                    ? HeaderColumns.centers(
                            tokens.subList(from, firstValue), TableReaders.columnLabels(printed.subList(b, b + 1)))
                    : java.util.Map.of();
            tables.tableReader()
                    .read(
                            printed.subList(b, end),
                            printedRows.subList(b, end),
                            List.of(),
                            "Table 1",
                            java.util.Map.of(),
                            header);
            for (int r = b; r < end; r++) {
                ObservedRow row = printedRows.get(r);
                from = row == null
                        ? from
                        : Math.max(from, row.first() + row.values().size());
            }
            b = end;
        }
    }
}
