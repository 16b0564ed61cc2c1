package cn.ogi.stats.export;

import cn.ogi.stats.query.Column;
import cn.ogi.stats.query.Freshness;
import cn.ogi.stats.query.Listing;
import cn.ogi.stats.query.ResultRow;
import cn.ogi.stats.query.StatsResult;
import cn.ogi.stats.query.StatsRow;
import java.util.ArrayList;
import java.util.List;

/** A table to export: Chinese labels and English keys of the columns, then the rows (read by column key). */
public record Table(String title, List<Column> columns, List<? extends ResultRow> rows) {

    public static final String TOTAL_KEY = "total";
    public static final String TOTAL_LABEL = "合计";

    /** The main table of a result (its rows, then a total row), followed by its listings. */
    public static List<Table> of(StatsResult result, String title) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("key", keyLabel(result.groupBy())));
        columns.add(new Column("name", "名称"));
        if ("grandchild".equals(result.groupBy())) {
            columns.add(new Column("parent", "所属下级地区"));
        }
        columns.addAll(result.columns());
        List<StatsRow> rows = new ArrayList<>(result.rows());
        rows.add(new StatsRow(TOTAL_KEY, TOTAL_LABEL + "（" + result.jurisdictionName() + "）", result.total()));
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(title, columns, rows));
        for (Listing l : result.listings()) {
            tables.add(new Table(l.title(), l.columns(), l.items()));
        }
        return tables;
    }

    /** /freshness as a table of one row. */
    public static Table of(Freshness f) {
        return new Table(
                "数据新鲜度",
                List.of(
                        new Column("lastAppliedSeq", "已应用序号"),
                        new Column("latestSeq", "最新序号"),
                        new Column("lag", "滞后事件数"),
                        new Column("lastPolledAt", "最近拉取时间"),
                        new Column("lastAppliedAt", "最近应用时间")),
                List.of(new FreshnessRow(
                        f.lastAppliedSeq(),
                        f.latestSeq(),
                        f.lag(),
                        f.lastPolledAt() == null ? null : f.lastPolledAt().toString(),
                        f.lastAppliedAt() == null ? null : f.lastAppliedAt().toString())));
    }

    /** The one row of /freshness as exported (public: {@link ResultRow} reads its components). */
    public record FreshnessRow(long lastAppliedSeq, long latestSeq, long lag, String lastPolledAt, String lastAppliedAt)
            implements ResultRow {}

    private static String keyLabel(String groupBy) {
        if (groupBy == null) {
            return "代码";
        }
        return switch (groupBy) {
            case "child" -> "行政区划代码";
            case "grandchild" -> "行政区划代码或统一社会信用代码";
            case "agency" -> "统一社会信用代码";
            case "year" -> "年度";
            case "applicantType" -> "申请人类型";
            default -> "代码";
        };
    }
}
