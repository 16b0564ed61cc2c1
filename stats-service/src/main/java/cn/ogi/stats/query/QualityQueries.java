package cn.ogi.stats.query;

import cn.ogi.stats.memory.Listings;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.model.Contribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * /quality: how many reports break each rule (rollups of the {@code #rule.*} counters, so bounded like the
 * aggregates), and one page of the findings themselves for the node's subtree, read from the node's listing
 * (the agency-years with findings, by code) — both from memory.
 */
@ApplicationScoped
public class QualityQueries {

    private static final List<Column> FINDING_COLUMNS = List.of(
            new Column("agencyCode", "统一社会信用代码"),
            new Column("agencyName", "单位名称"),
            new Column("jurisdiction", "行政区划代码"),
            new Column("year", "年度"),
            new Column("version", "版本"),
            new Column("rule", "规则"),
            new Column("severity", "严重程度"),
            new Column("cells", "涉及单元格"),
            new Column("message", "说明"));

    @Inject
    AggregateQueries aggregates;

    @Inject
    LiveModel live;

    public StatsResult quality(StatsQuery q, String rule) {
        if (q.groupBy() == GroupBy.AGENCY) {
            // the agency rows come from the tables; counts and findings from memory at the same seq
            return aggregates.byAgency(metrics(q), q, (counts, model) -> withFindings(counts, model, q, rule));
        }
        return live.read(m -> {
            Nodes.Node node = Nodes.resolve(m, q.jurisdiction());
            return withFindings(aggregates.read(metrics(m, node.code(), q), q, m, node), m, q, rule);
        });
    }

    private StatsResult withFindings(StatsResult counts, MemoryModel model, StatsQuery q, String rule) {
        Listings.Page<Listings.FindingRef> page = model.listings()
                .findings(
                        counts.jurisdiction(),
                        q.from(),
                        q.to(),
                        rule,
                        q.paging().offset(),
                        q.paging().size());
        List<ListingItems.Finding> findings = new ArrayList<>();
        for (Listings.FindingRef f : page.items()) {
            findings.add(new ListingItems.Finding(
                    f.agency().code(),
                    f.agency().name(),
                    f.agency().jurisdiction(),
                    f.year(),
                    f.version(),
                    f.finding().rule(),
                    f.finding().severity(),
                    f.finding().cells(),
                    f.finding().message()));
        }
        return counts.withListings(List.of(new Listing("findings", "问题清单", FINDING_COLUMNS, findings, page.total())));
    }

    /** For groupBy=agency: every rule any report of the model was counted for (the node is read later). */
    private MetricSet metrics(StatsQuery q) {
        return live.read(m -> metrics(m, Nodes.resolve(m, q.jurisdiction()).code(), q));
    }

    /** reports, reportsWithFindings, then one count per rule: the editions' rules, then any other rule counted. */
    private static MetricSet metrics(MemoryModel model, String node, StatsQuery q) {
        Set<String> rules = new LinkedHashSet<>(Metrics.ruleCodes());
        model.cellsWithPrefix(node, q.from(), q.to(), Contribution.RULE)
                .forEach(cell -> rules.add(cell.substring(Contribution.RULE.length())));
        List<MetricSet.Sum> sums = new ArrayList<>();
        sums.add(new MetricSet.Sum("reports", "报告数", Contribution.REPORTS));
        sums.add(new MetricSet.Sum("reportsWithFindings", "存在问题的报告数", Contribution.WITH_FINDINGS));
        for (String rule : rules) {
            sums.add(new MetricSet.Sum(rule, "违反 " + rule + " 的报告数", Contribution.RULE + rule));
        }
        return new MetricSet(sums, List.of());
    }
}
