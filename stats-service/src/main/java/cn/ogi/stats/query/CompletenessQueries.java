package cn.ogi.stats.query;

import cn.ogi.stats.model.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /completeness: per agency and year of the node's subtree, whether a report is expected (the agency's
 * reportsFrom/reportsUntil), received, and on time (its first version filed — see {@link Deadlines} — by the
 * deadline of its kind). One scan in PostgreSQL does the counting (one row per branch and year comes back)
 * and the filtering of the listings (only the missing and the late agency-years come back); the rule of
 * lateness is written once, in {@link #AGENCY_YEARS}.
 */
@ApplicationScoped
public class CompletenessQueries {

    static final List<Column> COLUMNS = List.of(
            new Column("expected", "应报单位数"),
            new Column("reported", "已报单位数"),
            new Column("onTime", "按时报送数"),
            new Column("late", "逾期报送数"),
            new Column("missing", "未报单位数"),
            new Column("reportingRate", "报送率"),
            new Column("onTimeRate", "按时报送率"));
    private static final List<Column> AGENCY_COLUMNS = List.of(
            new Column("code", "统一社会信用代码"),
            new Column("name", "单位名称"),
            new Column("kind", "单位类型"),
            new Column("jurisdiction", "行政区划代码"),
            new Column("year", "年度"));

    /**
     * Every agency-year of the subtree that is expected or reported, with the day its first version counts as
     * filed ({@code filed_on}: the stated publishedOn when the basis allows it and it is not after the day
     * received, else the day received, in the deadline zone) and its due day. Parameters: node, node, from, to,
     * use-publishedOn, zone, zone, department month, department day, government month, government day.
     */
    private static final String AGENCY_YEARS = Nodes.SUBTREE + """
            , agency_year AS (
                SELECT a.code, a.name, a.kind, a.jurisdiction, s.branch, y.year,
                       (a.reports_from IS NULL OR a.reports_from <= y.year)
                           AND (a.reports_until IS NULL OR y.year <= a.reports_until) AS expected,
                       r.first_submitted_at, r.first_published_on
                FROM subtree s JOIN agency a ON a.jurisdiction = s.code
                CROSS JOIN generate_series(?, ?) AS y(year)
                LEFT JOIN report r ON r.agency_code = a.code AND r.year = y.year
            ), judged AS MATERIALIZED (
                SELECT ay.*,
                       CASE WHEN first_submitted_at IS NULL THEN NULL
                            WHEN ? AND first_published_on IS NOT NULL
                                 AND first_published_on <= (first_submitted_at AT TIME ZONE ?)::date
                                THEN first_published_on
                            ELSE (first_submitted_at AT TIME ZONE ?)::date END AS filed_on,
                       CASE WHEN kind = 'department' THEN make_date(year + 1, ?, ?)
                            ELSE make_date(year + 1, ?, ?) END AS due
                FROM agency_year ay
                WHERE expected OR first_submitted_at IS NOT NULL
            )
            """;

    @Inject
    Db db;

    @Inject
    Nodes nodes;

    @Inject
    Deadlines deadlines;

    /** Counts of one group. Reported counts every report received; missing only expected agencies without one. */
    static final class Counts {
        long expected;
        long reported;
        long onTime;
        long late;
        long missing;

        void add(Counts other) {
            expected += other.expected;
            reported += other.reported;
            onTime += other.onTime;
            late += other.late;
            missing += other.missing;
        }

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
        // Counts per (branch, year) and the listed agency-years, from one scan: a row with a code is a listing.
        db.query(
                AGENCY_YEARS + """
                SELECT branch, year, count(*) FILTER (WHERE expected) AS expected,
                       count(*) FILTER (WHERE first_submitted_at IS NOT NULL) AS reported,
                       count(*) FILTER (WHERE filed_on <= due) AS on_time,
                       count(*) FILTER (WHERE filed_on > due) AS late,
                       count(*) FILTER (WHERE first_submitted_at IS NULL) AS missing,
                       NULL AS code, NULL AS name, NULL AS kind, NULL AS jurisdiction,
                       NULL::timestamptz AS first_submitted_at, NULL::date AS first_published_on,
                       NULL::date AS filed_on, NULL::date AS due
                FROM judged GROUP BY branch, year
                UNION ALL
                SELECT NULL, year, NULL, NULL, NULL, NULL, NULL, code, name, kind, jurisdiction,
                       first_submitted_at, first_published_on, filed_on, due
                FROM judged WHERE first_submitted_at IS NULL OR filed_on > due
                ORDER BY code NULLS FIRST, year""",
                rs -> {
                    if (rs.getString("code") == null) {
                        Counts c = counts(rs);
                        total.add(c);
                        Counts group = groups.get(
                                q.groupBy() == GroupBy.YEAR
                                        ? String.valueOf(rs.getInt("year"))
                                        : rs.getString("branch"));
                        if (group != null) {
                            group.add(c);
                        }
                        return c;
                    }
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("code", rs.getString("code"));
                    item.put("name", rs.getString("name"));
                    item.put("kind", rs.getString("kind"));
                    item.put("jurisdiction", rs.getString("jurisdiction"));
                    item.put("year", rs.getInt("year"));
                    if (rs.getObject("first_submitted_at") == null) {
                        // the chase list (催报) shows how long a missing report is overdue
                        item.put("deadline", text(rs.getObject("due")));
                        missing.add(item);
                    } else {
                        item.put(
                                "firstSubmittedAt",
                                Db.timestamp(rs, "first_submitted_at").toString());
                        item.put("publishedOn", text(rs.getObject("first_published_on")));
                        item.put("filedOn", text(rs.getObject("filed_on")));
                        item.put("deadline", text(rs.getObject("due")));
                        late.add(item);
                    }
                    return item;
                },
                parameters(node.code(), q));

        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, counts) -> rows.add(AggregateQueries.row(key, names.get(key), counts.metrics())));
        List<Column> missingColumns = new ArrayList<>(AGENCY_COLUMNS);
        missingColumns.add(new Column("deadline", "截止日期"));
        List<Column> lateColumns = new ArrayList<>(AGENCY_COLUMNS);
        lateColumns.add(new Column("firstSubmittedAt", "首次报送时间"));
        lateColumns.add(new Column("publishedOn", "报告落款日期"));
        lateColumns.add(new Column("filedOn", "认定报送日期"));
        lateColumns.add(new Column("deadline", "截止日期"));
        return new StatsResult(
                node.code(),
                node.name(),
                q.singleYear() ? q.from() : null,
                q.from(),
                q.to(),
                asOf.seq(),
                q.groupBy() == null ? null : q.groupBy().wireName(),
                rows,
                total.metrics(),
                COLUMNS,
                List.of(
                        new Listing("missing", "未报单位", missingColumns, missing, null),
                        new Listing("late", "逾期报送单位", lateColumns, late, null)),
                asOf.generation());
    }

    private Object[] parameters(String node, StatsQuery q) {
        MonthDay department = deadlines.dueDay("department");
        MonthDay government = deadlines.dueDay("government");
        String zone = deadlines.zone().getId();
        return new Object[] {
            node,
            node,
            q.from(),
            q.to(),
            deadlines.basis() == Deadlines.Basis.PUBLISHED_ON,
            zone,
            zone,
            department.getMonthValue(),
            department.getDayOfMonth(),
            government.getMonthValue(),
            government.getDayOfMonth()
        };
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        Counts c = new Counts();
        c.expected = rs.getLong("expected");
        c.reported = rs.getLong("reported");
        c.onTime = rs.getLong("on_time");
        c.late = rs.getLong("late");
        c.missing = rs.getLong("missing");
        return c;
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
