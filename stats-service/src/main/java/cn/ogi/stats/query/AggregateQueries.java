package cn.ogi.stats.query;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.stats.model.Contribution;
import cn.ogi.stats.model.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /applications, /outcomes, /reviews, /fees. Every number comes from {@code rollup}: a query reads at most
 * (1 + children) × years × cells rows, whatever the number of agencies below the node. Only
 * {@code groupBy=agency} reads per-report cells, of the agencies in the node's subtree (one row per agency).
 */
@ApplicationScoped
public class AggregateQueries {

    @Inject
    Db db;

    @Inject
    Nodes nodes;

    @Transactional
    public StatsResult aggregate(MetricSet metrics, StatsQuery q) {
        AsOf asOf = nodes.snapshot();
        return read(metrics, q, asOf, nodes.resolve(q.jurisdiction()));
    }

    /** The aggregate inside the caller's snapshot (see {@link Nodes#snapshot()}). */
    StatsResult read(MetricSet metrics, StatsQuery q, AsOf asOf, Nodes.Node node) {
        boolean byApplicant = q.groupBy() == GroupBy.APPLICANT_TYPE;
        List<String> columns = byApplicant
                ? Metrics.applicantColumns().stream().map(ColumnDefinition::key).toList()
                : List.of(MetricSet.TOTAL_COLUMN);
        Set<String> cells = metrics.cells(columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, BigDecimal> nodeTotal;

        if (q.groupBy() == GroupBy.CHILD) {
            List<Nodes.Node> children = nodes.children(node.code());
            List<String> codes = new ArrayList<>();
            codes.add(node.code());
            children.forEach(c -> codes.add(c.code()));
            Map<String, Map<String, BigDecimal>> byNode = rollupsByNode(codes, q, cells);
            nodeTotal = byNode.getOrDefault(node.code(), Map.of());
            Map<String, BigDecimal> own = new HashMap<>(nodeTotal);
            for (Nodes.Node child : children) {
                Map<String, BigDecimal> values = byNode.getOrDefault(child.code(), Map.of());
                values.forEach((cell, v) -> own.merge(cell, v.negate(), BigDecimal::add));
                rows.add(row(child.code(), child.name(), metrics.compute(values::get, MetricSet.TOTAL_COLUMN)));
            }
            // The node's own agencies (a city's departments): total minus the children, so that rows add up to total.
            rows.add(row(node.code(), Nodes.ownLevel(node), metrics.compute(own::get, MetricSet.TOTAL_COLUMN)));
        } else if (q.groupBy() == GroupBy.YEAR) {
            Map<Integer, Map<String, BigDecimal>> byYear = rollupsByYear(node.code(), q, cells);
            nodeTotal = new HashMap<>();
            for (int year = q.from(); year <= q.to(); year++) {
                Map<String, BigDecimal> values = byYear.getOrDefault(year, Map.of());
                values.forEach((cell, v) -> nodeTotal.merge(cell, v, BigDecimal::add));
                rows.add(row(String.valueOf(year), year + "年", metrics.compute(values::get, MetricSet.TOTAL_COLUMN)));
            }
        } else {
            nodeTotal = rollupsByNode(List.of(node.code()), q, cells).getOrDefault(node.code(), Map.of());
            if (q.groupBy() == GroupBy.AGENCY) {
                for (var agency : agencies(node.code(), q, cells)) {
                    rows.add(row(
                            agency.code(),
                            agency.name(),
                            metrics.compute(agency.cells()::get, MetricSet.TOTAL_COLUMN)));
                }
            } else if (byApplicant) {
                for (ColumnDefinition column : Metrics.applicantColumns()) {
                    rows.add(row(column.key(), column.label(), metrics.compute(nodeTotal::get, column.key())));
                }
            }
        }
        return new StatsResult(
                node.code(),
                node.name(),
                q.singleYear() ? q.from() : null,
                q.from(),
                q.to(),
                asOf.seq(),
                q.groupBy() == null ? null : q.groupBy().wireName(),
                rows,
                metrics.compute(nodeTotal::get, MetricSet.TOTAL_COLUMN),
                metrics.columns(),
                List.of(),
                asOf.generation());
    }

    static Map<String, Object> row(String key, String name, Map<String, Object> metrics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("name", name);
        row.putAll(metrics);
        return row;
    }

    private Map<String, Map<String, BigDecimal>> rollupsByNode(List<String> codes, StatsQuery q, Set<String> cells) {
        Map<String, Map<String, BigDecimal>> result = new HashMap<>();
        db.query(
                """
                SELECT node, cell, sum(value) FROM rollup
                WHERE node = ANY(CAST(? AS text[])) AND year BETWEEN ? AND ? AND cell = ANY(CAST(? AS text[]))
                GROUP BY node, cell""",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)),
                Db.texts(codes),
                q.from(),
                q.to(),
                Db.texts(cells));
        return result;
    }

    private Map<Integer, Map<String, BigDecimal>> rollupsByYear(String code, StatsQuery q, Set<String> cells) {
        Map<Integer, Map<String, BigDecimal>> result = new HashMap<>();
        db.query(
                """
                SELECT year, cell, value FROM rollup
                WHERE node = ? AND year BETWEEN ? AND ? AND cell = ANY(CAST(? AS text[]))""",
                rs -> result.computeIfAbsent(rs.getInt(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)),
                code,
                q.from(),
                q.to(),
                Db.texts(cells));
        return result;
    }

    record AgencyCells(String code, String name, Map<String, BigDecimal> cells) {}

    /** Per agency of the subtree that reported in the span: its cells summed over the years. */
    private List<AgencyCells> agencies(String code, StatsQuery q, Set<String> cells) {
        Set<String> wanted = new LinkedHashSet<>(cells);
        wanted.add(Contribution.REPORTS); // an agency whose report has only zeros is still a row
        Map<String, AgencyCells> result = new LinkedHashMap<>();
        db.query(
                Nodes.SUBTREE + """
                SELECT a.code, a.name, rc.cell, sum(rc.value)
                FROM subtree s JOIN agency a ON a.jurisdiction = s.code
                JOIN report_cell rc ON rc.agency_code = a.code
                WHERE rc.year BETWEEN ? AND ? AND rc.cell = ANY(CAST(? AS text[]))
                GROUP BY a.code, a.name, rc.cell ORDER BY a.code""",
                rs -> {
                    String agency = rs.getString(1);
                    String name = rs.getString(2);
                    return result.computeIfAbsent(agency, k -> new AgencyCells(k, name, new HashMap<>()))
                            .cells()
                            .put(rs.getString(3), rs.getBigDecimal(4));
                },
                code,
                code,
                q.from(),
                q.to(),
                Db.texts(wanted));
        return new ArrayList<>(result.values());
    }
}
