package cn.ogi.stats.export;

import cn.ogi.stats.query.Column;
import cn.ogi.stats.query.Listing;
import cn.ogi.stats.query.StatsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table to export: Chinese labels and English keys of the columns, then the rows. */
public record Table(String title, List<Column> columns, List<Map<String, Object>> rows) {

    public static final String TOTAL_KEY = "total";
    public static final String TOTAL_LABEL = "合计";

    /** The main table of a result (its rows, then a total row), followed by its listings. */
    public static List<Table> of(StatsResult result, String title) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("key", keyLabel(result.groupBy())));
        columns.add(new Column("name", "名称"));
        columns.addAll(result.columns());
        List<Map<String, Object>> rows = new ArrayList<>(result.rows());
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("key", TOTAL_KEY);
        total.put("name", TOTAL_LABEL + "（" + result.jurisdictionName() + "）");
        total.putAll(result.total());
        rows.add(total);
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(title, columns, rows));
        for (Listing l : result.listings()) {
            tables.add(new Table(l.title(), l.columns(), l.items()));
        }
        return tables;
    }

    private static String keyLabel(String groupBy) {
        if (groupBy == null) {
            return "代码";
        }
        return switch (groupBy) {
            case "child" -> "行政区划代码";
            case "agency" -> "统一社会信用代码";
            case "year" -> "年度";
            case "applicantType" -> "申请人类型";
            default -> "代码";
        };
    }
}
