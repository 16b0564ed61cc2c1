package cn.ogi.stats.query;

import cn.ogi.stats.memory.Listings;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelAgency;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.model.CompletenessCells;
import cn.ogi.stats.model.CompletenessRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /completeness, from memory. The counts are rollups ({@link CompletenessCells}, kept per node, year and agency
 * kind as events arrive): expected = the agencies whose interval of years has started and not ended, reported =
 * on time + late, missing = expected − expected-and-reported. The lists of missing and late agency-years are
 * read a page at a time from the node's listings (by code, then year), never by walking the subtree.
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
    private static final List<Column> MISSING_COLUMNS = missing();
    private static final List<Column> LATE_COLUMNS = late();

    @Inject
    LiveModel live;

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

    public StatsResult completeness(StatsQuery q) {
        return live.read(m -> completeness(m, q));
    }

    private StatsResult completeness(MemoryModel m, StatsQuery q) {
        Nodes.Node node = Nodes.resolve(m, q.jurisdiction());
        List<StatsRow> rows = new ArrayList<>();
        Counts total = counts(m, node.code(), q.from(), q.to());
        if (q.groupBy() == GroupBy.CHILD) {
            Counts own = counts(m, node.code(), q.from(), q.to());
            for (Nodes.Node child : Nodes.children(m, node.code())) {
                Counts c = counts(m, child.code(), q.from(), q.to());
                own.expected -= c.expected;
                own.reported -= c.reported;
                own.onTime -= c.onTime;
                own.late -= c.late;
                own.missing -= c.missing;
                rows.add(new StatsRow(child.code(), child.name(), c.metrics()));
            }
            rows.add(new StatsRow(node.code(), Nodes.ownLevel(node), own.metrics()));
        } else if (q.groupBy() == GroupBy.YEAR) {
            for (int y = q.from(); y <= q.to(); y++) {
                rows.add(new StatsRow(
                        String.valueOf(y), y + "年", counts(m, node.code(), y, y).metrics()));
            }
        }
        int offset = q.paging().offset();
        int size = q.paging().size();
        Listings.Page<Listings.Item> missing = m.listings().missing(node.code(), q.from(), q.to(), offset, size);
        Listings.Page<Listings.Item> late = m.listings().late(node.code(), q.from(), q.to(), offset, size);
        return StatsResult.answering(
                node,
                q,
                m.seq(),
                rows,
                total.metrics(),
                COLUMNS,
                List.of(
                        new Listing(
                                "missing",
                                "未报单位",
                                MISSING_COLUMNS,
                                missing.items().stream()
                                        .map(item -> missingItem(item, m.rules()))
                                        .toList(),
                                missing.total()),
                        new Listing(
                                "late",
                                "逾期报送单位",
                                LATE_COLUMNS,
                                late.items().stream()
                                        .map(CompletenessQueries::lateItem)
                                        .toList(),
                                late.total())),
                m.generation());
    }

    /** The counts of a node over the years, from its completeness rollups (summed over the agency kinds). */
    private static Counts counts(MemoryModel m, String node, int from, int to) {
        Counts c = new Counts();
        long expectedReported = 0;
        for (int year = from; year <= to; year++) {
            c.expected += expectedIn(m, node, year);
            c.onTime += sum(m, node, year, year, CompletenessCells.ON_TIME);
            c.late += sum(m, node, year, year, CompletenessCells.LATE);
            expectedReported += sum(m, node, year, year, CompletenessCells.EXPECTED_REPORTED);
        }
        c.reported = c.onTime + c.late;
        c.missing = c.expected - expectedReported;
        return c;
    }

    /** Agencies whose years have started by {@code year} and not ended before it. */
    private static long expectedIn(MemoryModel m, String node, int year) {
        return sum(m, node, CompletenessCells.FIRST_YEAR, year, CompletenessCells.STARTING)
                - sum(m, node, CompletenessCells.FIRST_YEAR, year, CompletenessCells.ENDING);
    }

    /** A counter summed over the agency kinds (the cells {@code prefix + kind}) and the years. */
    private static long sum(MemoryModel m, String node, int from, int to, String prefix) {
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> cells = m.knownCells(prefix);
        for (String cell : cells) {
            sum = sum.add(m.sum(node, from, to, cell));
        }
        return sum.longValueExact();
    }

    /** A missing item shows its deadline: the chase list (催报) shows how long it is overdue. */
    private static ListingItems.Missing missingItem(Listings.Item item, CompletenessRules rules) {
        ModelAgency agency = item.agency();
        return new ListingItems.Missing(
                agency.code(),
                agency.name(),
                agency.kind(),
                agency.jurisdiction(),
                item.year(),
                rules.due(agency.kind(), item.year()).toString());
    }

    /** A late item shows both dates of its first version and which one decided. */
    private static ListingItems.Late lateItem(Listings.Item item) {
        ModelAgency agency = item.agency();
        LateReport late = item.late();
        return new ListingItems.Late(
                agency.code(),
                agency.name(),
                agency.kind(),
                agency.jurisdiction(),
                item.year(),
                late.firstSubmittedAt().toString(),
                late.judgement().receivedOn().toString(),
                late.publishedOn() == null ? null : late.publishedOn().toString(),
                late.importedHistory(),
                late.judgement().filedOn().toString(),
                late.judgement().decidedBy().wireName(),
                late.judgement().due().toString());
    }

    private static List<Column> missing() {
        List<Column> columns = new ArrayList<>(AGENCY_COLUMNS);
        columns.add(new Column("deadline", "截止日期"));
        return List.copyOf(columns);
    }

    private static List<Column> late() {
        List<Column> columns = new ArrayList<>(AGENCY_COLUMNS);
        columns.add(new Column("firstSubmittedAt", "首次报送时间"));
        columns.add(new Column("receivedOn", "收到日期"));
        columns.add(new Column("publishedOn", "报告落款日期"));
        columns.add(new Column("importedHistory", "管理员导入的历史报告"));
        columns.add(new Column("filedOn", "认定报送日期"));
        columns.add(new Column("decidedBy", "认定依据"));
        columns.add(new Column("deadline", "截止日期"));
        return List.copyOf(columns);
    }
}
