package cn.ogi.stats.query;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.model.Contribution;
import cn.ogi.web.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /applications, /outcomes, /reviews, /fees. Every number comes from the rollups in memory ({@link LiveModel}):
 * a query reads (1 + children) × years × cells sums, whatever the number of agencies below the node, and no
 * table. Only {@code groupBy=agency} reads per-report cells, of the agencies in the node's subtree (one row per
 * agency), from the tables; {@code groupBy=grandchild} reads them only when a child of the node has no children (its
 * rows are then its agencies).
 */
@ApplicationScoped
public class AggregateQueries {

    @Inject
    Sql db;

    @Inject
    Nodes nodes;

    @Inject
    LiveModel live;

    public StatsResult aggregate(MetricSet metrics, StatsQuery q) {
        if (q.groupBy() == GroupBy.AGENCY) {
            return byAgency(metrics, q);
        }
        if (q.groupBy() == GroupBy.GRANDCHILD) {
            return byGrandchild(metrics, q);
        }
        return live.read(m -> read(metrics, q, m, Nodes.resolve(m, q.jurisdiction())));
    }

    /** The aggregate from the model (the caller holds its read lock). */
    StatsResult read(MetricSet metrics, StatsQuery q, MemoryModel model, Nodes.Node node) {
        return read(metrics, q, model, node, null);
    }

    /** As {@link #read}, with the agency rows (groupBy=agency) read from the tables at the model's seq. */
    StatsResult read(
            MetricSet metrics, StatsQuery q, MemoryModel model, Nodes.Node node, List<AgencyCells> agencyRows) {
        boolean byApplicant = q.groupBy() == GroupBy.APPLICANT_TYPE;
        List<StatsRow> rows = new ArrayList<>();
        String[] totalCells = metrics.cellsOf(MetricSet.TOTAL_COLUMN);
        BigDecimal[] total = model.sums(node.code(), q.from(), q.to(), totalCells);
        if (q.groupBy() == GroupBy.CHILD) {
            BigDecimal[] own = total.clone();
            for (Nodes.Node child : Nodes.children(model, node.code())) {
                BigDecimal[] values = model.sums(child.code(), q.from(), q.to(), totalCells);
                for (int i = 0; i < own.length; i++) {
                    own[i] = own[i].subtract(values[i]);
                }
                rows.add(new StatsRow(child.code(), child.name(), metrics.compute(values)));
            }
            // The node's own agencies (a city's departments): total minus the children, so that rows add up to total.
            rows.add(new StatsRow(node.code(), Nodes.ownLevel(node), metrics.compute(own)));
        } else if (q.groupBy() == GroupBy.YEAR) {
            for (int year = q.from(); year <= q.to(); year++) {
                rows.add(new StatsRow(
                        String.valueOf(year),
                        year + "年",
                        metrics.compute(model.sums(node.code(), year, year, totalCells))));
            }
        } else if (q.groupBy() == GroupBy.GRANDCHILD) {
            rows.addAll(grandchildren(metrics, q, model, node, agencyRows == null ? List.of() : agencyRows));
        } else if (agencyRows != null) {
            for (AgencyCells agency : agencyRows) {
                rows.add(new StatsRow(
                        agency.code(), agency.name(), metrics.compute(agency.cells()::get, MetricSet.TOTAL_COLUMN)));
            }
        } else if (byApplicant) {
            for (ColumnDefinition column : Metrics.applicantColumns()) {
                rows.add(new StatsRow(
                        column.key(),
                        column.label(),
                        metrics.compute(model.sums(node.code(), q.from(), q.to(), metrics.cellsOf(column.key())))));
            }
        }
        return StatsResult.answering(
                node, q, model.seq(), rows, metrics.compute(total), metrics.columns(), List.of(), model.generation());
    }

    /** Rows per agency (from the tables) and everything else from memory, at one seq. */
    StatsResult byAgency(MetricSet metrics, StatsQuery q) {
        return byAgency(metrics, q, (result, model) -> result);
    }

    <R> R byAgency(MetricSet metrics, StatsQuery q, Nodes.Combine<StatsResult, R> then) {
        String code = nodes.resolveCode(q.jurisdiction());
        Set<String> cells = metrics.cells(List.of(MetricSet.TOTAL_COLUMN));
        record Read(long seq, List<AgencyCells> rows) {}
        return nodes.consistently(
                () -> new Read(nodes.tableSeq(), agencies(code, q, cells)),
                Read::seq,
                (read, model) -> then.apply(
                        read(metrics, q, model, Nodes.resolve(model, q.jurisdiction()), read.rows()), model));
    }

    /**
     * groupBy=grandchild: the rows of the whole subtree two levels down in one answer. Under each child of the node
     * (parent = the child's code): its children and its own level (as groupBy=child on it), or, for a child without
     * children (a county), its agencies that reported in the span; then the node's own level (parent = the node).
     * The rows add up to the total. Agencies are read from the tables only when a child has no children.
     */
    StatsResult byGrandchild(MetricSet metrics, StatsQuery q) {
        StatsResult fromMemory = live.read(m -> {
            Nodes.Node node = Nodes.resolve(m, q.jurisdiction());
            boolean childless = Nodes.children(m, node.code()).stream()
                    .anyMatch(c -> m.children(c.code()).isEmpty());
            return childless ? null : read(metrics, q, m, node, null);
        });
        if (fromMemory != null) {
            return fromMemory;
        }
        String code = nodes.resolveCode(q.jurisdiction());
        Set<String> cells = metrics.cells(List.of(MetricSet.TOTAL_COLUMN));
        record Read(long seq, List<AgencyCells> rows) {}
        return nodes.consistently(
                () -> new Read(nodes.tableSeq(), agenciesOfChildren(code, q, cells)),
                Read::seq,
                (read, model) -> read(metrics, q, model, Nodes.resolve(model, q.jurisdiction()), read.rows()));
    }

    private static List<StatsRow> grandchildren(
            MetricSet metrics, StatsQuery q, MemoryModel model, Nodes.Node node, List<AgencyCells> agencies) {
        String[] totalCells = metrics.cellsOf(MetricSet.TOTAL_COLUMN);
        List<StatsRow> rows = new ArrayList<>();
        BigDecimal[] nodeOwn = model.sums(node.code(), q.from(), q.to(), totalCells);
        for (Nodes.Node child : Nodes.children(model, node.code())) {
            BigDecimal[] childTotal = model.sums(child.code(), q.from(), q.to(), totalCells);
            subtract(nodeOwn, childTotal);
            List<Nodes.Node> below = Nodes.children(model, child.code());
            if (below.isEmpty()) {
                for (AgencyCells agency : agencies) {
                    if (agency.jurisdiction().equals(child.code())) {
                        rows.add(new StatsRow(
                                agency.code(),
                                agency.name(),
                                child.code(),
                                metrics.compute(agency.cells()::get, MetricSet.TOTAL_COLUMN)));
                    }
                }
                continue;
            }
            BigDecimal[] childOwn = childTotal.clone();
            for (Nodes.Node grandchild : below) {
                BigDecimal[] values = model.sums(grandchild.code(), q.from(), q.to(), totalCells);
                subtract(childOwn, values);
                rows.add(new StatsRow(grandchild.code(), grandchild.name(), child.code(), metrics.compute(values)));
            }
            rows.add(new StatsRow(child.code(), Nodes.ownLevel(child), child.code(), metrics.compute(childOwn)));
        }
        rows.add(new StatsRow(node.code(), Nodes.ownLevel(node), node.code(), metrics.compute(nodeOwn)));
        return rows;
    }

    private static void subtract(BigDecimal[] from, BigDecimal[] values) {
        for (int i = 0; i < from.length; i++) {
            from[i] = from[i].subtract(values[i]);
        }
    }

    /** @param jurisdiction the node the agency belongs to */
    record AgencyCells(String code, String name, String jurisdiction, Map<String, BigDecimal> cells) {}

    /** Per agency of a child of the node that reported in the span: its cells summed over the years. */
    private List<AgencyCells> agenciesOfChildren(String code, StatsQuery q, Set<String> cells) {
        return agencyCells("""
                SELECT a.code, a.name, a.jurisdiction, c.key, sum(CAST(c.value AS numeric))
                FROM jurisdiction j JOIN agency a ON a.jurisdiction = j.code
                JOIN report r ON r.agency_code = a.code
                CROSS JOIN LATERAL jsonb_each_text(CAST(r.cells AS jsonb)) AS c(key, value)
                WHERE j.parent = ? AND r.year BETWEEN ? AND ? AND c.key = ANY(CAST(? AS text[]))
                GROUP BY a.code, a.name, a.jurisdiction, c.key ORDER BY a.code""", cells, code, q.from(), q.to());
    }

    /** Per agency of the subtree that reported in the span: its cells summed over the years. */
    private List<AgencyCells> agencies(String code, StatsQuery q, Set<String> cells) {
        return agencyCells(Nodes.SUBTREE + """
                SELECT a.code, a.name, a.jurisdiction, c.key, sum(CAST(c.value AS numeric))
                FROM subtree s JOIN agency a ON a.jurisdiction = s.code
                JOIN report r ON r.agency_code = a.code
                CROSS JOIN LATERAL jsonb_each_text(CAST(r.cells AS jsonb)) AS c(key, value)
                WHERE r.year BETWEEN ? AND ? AND c.key = ANY(CAST(? AS text[]))
                GROUP BY a.code, a.name, a.jurisdiction, c.key ORDER BY a.code""", cells, code, code, q.from(), q.to());
    }

    /**
     * The agencies a query's SQL selects (code, name, jurisdiction, cell key, sum), each with its cells; the cells
     * asked for are bound last, with the count of reports so that an agency whose report has only zeros is a row.
     */
    private List<AgencyCells> agencyCells(String sql, Set<String> cells, Object... scope) {
        Set<String> wanted = new LinkedHashSet<>(cells);
        wanted.add(Contribution.REPORTS);
        Object[] params = java.util.Arrays.copyOf(scope, scope.length + 1);
        params[scope.length] = Sql.texts(wanted);
        Map<String, AgencyCells> result = new LinkedHashMap<>();
        db.query(
                sql,
                rs -> {
                    String agency = rs.getString(1);
                    String name = rs.getString(2);
                    String jurisdiction = rs.getString(3);
                    return result.computeIfAbsent(agency, k -> new AgencyCells(k, name, jurisdiction, new HashMap<>()))
                            .cells()
                            .put(rs.getString(4), rs.getBigDecimal(5));
                },
                params);
        return new ArrayList<>(result.values());
    }
}
