package cn.ogi.reader.table;

import java.util.List;

/**
 * What one matched row of a table gave {@link TableReader}: its form row, the printed row, its readings, whether
 * positions placed its numbers, the row's own sums and how it was read.
 */
record RowState(
        RowSpec spec,
        ObservedRow row,
        RowReadings.Result result,
        boolean positioned,
        List<RowReadings.Sum> sums,
        RowReadings.Options options) {}
