package cn.ogi.stats.query;

import cn.ogi.stats.model.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /completeness: per agency and year of the node's subtree, whether a report is expected (the agency's
 * reportsFrom/reportsUntil), received, and on time (its first version filed — see {@link Deadlines} — by the
 * deadline of its kind).
 * This reads one row per agency-year of the subtree — it lists agencies, so it cannot be smaller than them.
 */
@ApplicationScoped
public class CompletenessQueries {

    static final List<Column> COLUMNS = List.of(
            new Column("expected", "应报单位数"), new Column("reported", "已报单位数"),
            new Column("onTime", "按时报送数"), new Column("late", "逾期报送数"), new Column("missing", "未报单位数"),
            new Column("reportingRate", "报送率"), new Column("onTimeRate", "按时报送率"));
    private static final List<Column> AGENCY_COLUMNS = List.of(
            new Column("code", "统一社会信用代码"), new Column("name", "单位名称"), new Column("kind", "单位类型"),
            new Column("jurisdiction", "行政区划代码"), new Column("year", "年度"));

    @Inject
    Db db;

    @Inject
    Nodes nodes;

    @Inject
    Deadlines deadlines;

    record AgencyYear(String code, String name, String kind, String jurisdiction, String branch, int year,
                      boolean expected, OffsetDateTime firstSubmittedAt, LocalDate firstPublishedOn) {
    }

    /** Counts of one group. Reported counts every report received; missing only expected agencies without one. */
    static final class Counts {
        long expected;
        long reported;
        long onTime;
        long late;
        long missing;

        Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expected", expected);
            m.put("reported", reported);
            m.put("onTime", onTime);
            m.put("late", late);
            m.put("missing", missing);
            m.put("reportingRate", Numbers.rate(expected - missing, expected));
            m.put("onTimeRate", Numbers.rate(onTime, expected));
            return m;
        }
    }

    @Transactional
    public StatsResult completeness(StatsQuery q) {
        AsOf asOf = nodes.snapshot();
        Nodes.Node node = nodes.resolve(q.jurisdiction());
        List<AgencyYear> all = db.query(Nodes.SUBTREE + """
                SELECT a.code, a.name, a.kind, a.jurisdiction, s.branch, y.year,
                       (a.reports_from IS NULL OR a.reports_from <= y.year)
                           AND (a.reports_until IS NULL OR y.year <= a.reports_until) AS expected,
                       r.first_submitted_at, r.first_published_on
                FROM subtree s JOIN agency a ON a.jurisdiction = s.code
                CROSS JOIN generate_series(?, ?) AS y(year)
                LEFT JOIN report r ON r.agency_code = a.code AND r.year = y.year
                ORDER BY a.code, y.year""",
                rs -> new AgencyYear(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getBoolean(7), Db.timestamp(rs, "first_submitted_at"),
                        rs.getObject("first_published_on", LocalDate.class)),
                node.code(), node.code(), q.from(), q.to());

        Map<String, Counts> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        if (q.groupBy() == GroupBy.CHILD) {
            nodes.children(node.code()).forEach(c -> names.put(c.code(), c.name()));
            names.put(node.code(), Nodes.ownLevel(node));
        } else if (q.groupBy() == GroupBy.YEAR) {
            for (int y = q.from(); y <= q.to(); y++) {
                names.put(String.valueOf(y), y + "年");
            }
        }
        names.keySet().forEach(k -> groups.put(k, new Counts()));
        Counts total = new Counts();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<Map<String, Object>> late = new ArrayList<>();
        for (AgencyYear a : all) {
            if (!a.expected() && a.firstSubmittedAt() == null) {
                continue;
            }
            String groupKey = q.groupBy() == GroupBy.YEAR ? String.valueOf(a.year()) : a.branch();
            Counts group = groups.get(groupKey);
            for (Counts c : group == null ? List.of(total) : List.of(total, group)) {
                count(c, a);
            }
            if (a.firstSubmittedAt() == null) {
                missing.add(agency(a));
            } else if (!onTime(a)) {
                Map<String, Object> item = agency(a);
                item.put("firstSubmittedAt", a.firstSubmittedAt().toString());
                item.put("publishedOn", a.firstPublishedOn() == null ? null : a.firstPublishedOn().toString());
                item.put("filedOn", deadlines.filedOn(a.firstSubmittedAt(), a.firstPublishedOn()).toString());
                item.put("deadline", deadlines.due(a.kind(), a.year()).toString());
                late.add(item);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, counts) -> rows.add(AggregateQueries.row(key, names.get(key), counts.metrics())));
        List<Column> lateColumns = new ArrayList<>(AGENCY_COLUMNS);
        lateColumns.add(new Column("firstSubmittedAt", "首次报送时间"));
        lateColumns.add(new Column("publishedOn", "报告落款日期"));
        lateColumns.add(new Column("filedOn", "认定报送日期"));
        lateColumns.add(new Column("deadline", "截止日期"));
        return new StatsResult(node.code(), node.name(), q.singleYear() ? q.from() : null, q.from(), q.to(), asOf.seq(),
                q.groupBy() == null ? null : q.groupBy().wireName(), rows, total.metrics(), COLUMNS,
                List.of(new Listing("missing", "未报单位", AGENCY_COLUMNS, missing, null),
                        new Listing("late", "逾期报送单位", lateColumns, late, null)),
                asOf.generation());
    }

    private void count(Counts c, AgencyYear a) {
        if (a.expected()) {
            c.expected++;
        }
        if (a.firstSubmittedAt() == null) {
            c.missing++;
            return;
        }
        c.reported++;
        if (onTime(a)) {
            c.onTime++;
        } else {
            c.late++;
        }
    }

    private boolean onTime(AgencyYear a) {
        return deadlines.onTime(a.kind(), a.year(), a.firstSubmittedAt(), a.firstPublishedOn());
    }

    private static Map<String, Object> agency(AgencyYear a) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", a.code());
        item.put("name", a.name());
        item.put("kind", a.kind());
        item.put("jurisdiction", a.jurisdiction());
        item.put("year", a.year());
        return item;
    }
}
