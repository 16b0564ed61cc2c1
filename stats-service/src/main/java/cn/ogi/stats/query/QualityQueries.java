package cn.ogi.stats.query;

import cn.ogi.stats.model.Contribution;
import cn.ogi.stats.model.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /quality: how many reports break each rule (rollups of the {@code #rule.*} counters, so bounded like the
 * aggregates), and one page of the findings themselves for the node's subtree.
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
    Db db;

    @Inject
    Nodes nodes;

    @Inject
    AggregateQueries aggregates;

    @Inject
    ObjectMapper json;

    @Transactional
    public StatsResult quality(StatsQuery q, String rule) {
        AsOf asOf = nodes.snapshot();
        Nodes.Node node = nodes.resolve(q.jurisdiction());
        StatsResult counts = aggregates.read(metrics(node.code(), q), q, asOf, node);

        String filter = rule == null ? "" : " AND f.rule = ?";
        List<Object> params = new ArrayList<>(List.of(node.code(), node.code(), q.from(), q.to()));
        if (rule != null) {
            params.add(rule);
        }
        String body = """
                FROM subtree s JOIN agency a ON a.jurisdiction = s.code
                JOIN report_finding f ON f.agency_code = a.code
                JOIN report r ON r.agency_code = f.agency_code AND r.year = f.year
                WHERE f.year BETWEEN ? AND ?""" + filter;
        long total = db.one(Nodes.SUBTREE + "SELECT count(*) " + body, rs -> rs.getLong(1), params.toArray());
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.paging().size());
        paged.add(q.paging().offset());
        List<Map<String, Object>> findings = db.query(
                Nodes.SUBTREE
                        + "SELECT a.code, a.name, a.jurisdiction, f.year, r.version, f.rule, f.severity, CAST(f.cells AS text), f.message "
                        + body + " ORDER BY a.code, f.year, f.ordinal LIMIT ? OFFSET ?",
                rs -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("agencyCode", rs.getString(1));
                    item.put("agencyName", rs.getString(2));
                    item.put("jurisdiction", rs.getString(3));
                    item.put("year", rs.getInt(4));
                    item.put("version", rs.getInt(5));
                    item.put("rule", rs.getString(6));
                    item.put("severity", rs.getString(7));
                    item.put("cells", cells(rs.getString(8)));
                    item.put("message", rs.getString(9));
                    return item;
                },
                paged.toArray());
        return new StatsResult(
                counts.jurisdiction(),
                counts.jurisdictionName(),
                counts.year(),
                counts.from(),
                counts.to(),
                counts.asOfSeq(),
                counts.groupBy(),
                counts.rows(),
                counts.total(),
                counts.columns(),
                List.of(new Listing("findings", "问题清单", FINDING_COLUMNS, findings, total)),
                counts.generation());
    }

    /** reports, reportsWithFindings, then one count per rule: the editions' rules, then any other rule seen. */
    private MetricSet metrics(String node, StatsQuery q) {
        Set<String> rules = new LinkedHashSet<>(Metrics.ruleCodes());
        db.query(
                "SELECT DISTINCT cell FROM rollup WHERE node = ? AND year BETWEEN ? AND ? AND cell LIKE ? ORDER BY cell",
                rs -> rules.add(rs.getString(1).substring(Contribution.RULE.length())),
                node,
                q.from(),
                q.to(),
                Contribution.RULE + "%");
        List<MetricSet.Sum> sums = new ArrayList<>();
        sums.add(new MetricSet.Sum("reports", "报告数", Contribution.REPORTS));
        sums.add(new MetricSet.Sum("reportsWithFindings", "存在问题的报告数", Contribution.WITH_FINDINGS));
        for (String rule : rules) {
            sums.add(new MetricSet.Sum(rule, "违反 " + rule + " 的报告数", Contribution.RULE + rule));
        }
        return new MetricSet(sums, List.of());
    }

    private List<String> cells(String jsonArray) {
        try {
            return json.readValue(jsonArray, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of(jsonArray);
        }
    }
}
