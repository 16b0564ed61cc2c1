package cn.ogi.stats.model;

import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.ModelLoader;
import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessCells.YearCell;
import cn.ogi.stats.rebuild.RebuildSettings;
import cn.ogi.web.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps the completeness counters ({@link CompletenessCells}) computed with the configured deadline rules. At
 * start it compares the rules stored beside the counters (table {@code completeness_rules}) with the configured
 * ones; when they differ — a deadline, the zone, the basis or the grace changed, or the database predates the
 * counters — it recomputes every counter from the agency and report tables in one transaction that holds the
 * cursor lock (the consumer waits), stores the new rules and bumps the generation (ETags change). Then the model
 * in memory is loaded. Nothing else depends on the rules: report cells, findings and the event log stay as they are.
 */
@ApplicationScoped
public class CompletenessRecomputation {

    private static final Logger LOG = Logger.getLogger(CompletenessRecomputation.class);

    @Inject
    Sql db;

    @Inject
    ReadModelTables tables;

    @Inject
    LiveModel live;

    /** Reads the registry and the reports the way the model's load does. */
    @Inject
    ModelLoader loader;

    /** {@code stats.rebuild.timeout-seconds}: the recomputation is one transaction over the whole province. */
    @Inject
    RebuildSettings rebuild;

    /** Before the consumer starts (its observer has the default priority): rules checked, model loaded. */
    void onStart(@Observes @Priority(10) StartupEvent started) {
        recomputeIfChanged();
        live.reload();
    }

    /** Recomputes when the stored rules are not the configured ones; true if it did. */
    public boolean recomputeIfChanged() {
        CompletenessRules configured = live.rules();
        String stored = db.one("SELECT rules FROM completeness_rules WHERE id = 1", rs -> rs.getString(1));
        if (configured.fingerprint().equals(stored)) {
            return false;
        }
        LOG.infof(
                "completeness counters were computed with %s, the configuration says %s: recomputing",
                stored == null ? "no rules" : stored, configured.fingerprint());
        recompute(configured);
        return true;
    }

    /** Recomputes every completeness counter with the rules, and makes them the rules of the model. */
    public void recompute(CompletenessRules rules) {
        long started = System.nanoTime();
        long reports = QuarkusTransaction.requiringNew()
                .timeout(rebuild.timeoutSeconds())
                .call(() -> {
                    db.one("SELECT last_seq FROM feed_cursor WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
                    db.update("DELETE FROM rollup WHERE cell LIKE ?", CompletenessCells.PREFIX + "%");
                    Map<String, String> parents = new HashMap<>();
                    db.each(
                            "SELECT code, parent FROM jurisdiction",
                            10_000,
                            rs -> parents.put(rs.getString(1), rs.getString(2)));
                    Map<String, AgencyRow> agencies = new HashMap<>();
                    loader.eachAgency(a -> agencies.put(a.code(), a));
                    Map<RollupKey, BigDecimal> counters = new HashMap<>();
                    Map<String, List<String>> chains = new HashMap<>();
                    for (AgencyRow a : agencies.values()) {
                        List<String> chain = chains.computeIfAbsent(a.jurisdiction(), j -> chain(parents, j));
                        add(counters, chain, CompletenessCells.agency(a.kind(), a.reportsFrom(), a.reportsUntil()));
                    }
                    long[] count = {0};
                    loader.eachFirstVersion(first -> {
                        AgencyRow a = agencies.get(first.agency());
                        if (a == null || a.jurisdiction() == null) {
                            return; // a placeholder's reports are not rolled up until its agency places it
                        }
                        int year = first.year();
                        boolean late = rules.judge(
                                        a.kind(), year, first.submittedAt(), first.publishedOn(), first.imported())
                                .late();
                        Map<YearCell, BigDecimal> cells = new HashMap<>();
                        CompletenessCells.report(a.kind(), a.reportsFrom(), a.reportsUntil(), year, late)
                                .forEach((cell, v) -> cells.put(new YearCell(year, cell), v));
                        add(counters, chains.computeIfAbsent(a.jurisdiction(), j -> chain(parents, j)), cells);
                        count[0]++;
                    });
                    tables.addToRollups(counters);
                    db.update("""
                    INSERT INTO completeness_rules (id, rules, computed_at) VALUES (1, ?, now())
                    ON CONFLICT (id) DO UPDATE SET rules = EXCLUDED.rules, computed_at = EXCLUDED.computed_at""", rules.fingerprint());
                    db.update("UPDATE feed_cursor SET generation = generation + 1 WHERE id = 1");
                    return count[0];
                });
        live.rules(rules);
        live.reload();
        LOG.infof(
                "completeness recomputed with %s over %d reports in %d ms",
                rules.fingerprint(), reports, (System.nanoTime() - started) / 1_000_000);
    }

    /** As the writer walks it: the node and its ancestors; an unknown node is its own chain; a cycle ends it. */
    private static List<String> chain(Map<String, String> parents, String code) {
        List<String> chain = new ArrayList<>();
        for (String at = code; at != null && !chain.contains(at); at = parents.get(at)) {
            chain.add(at);
        }
        return chain;
    }

    private static void add(Map<RollupKey, BigDecimal> counters, List<String> chain, Map<YearCell, BigDecimal> cells) {
        cells.forEach((yc, v) -> {
            for (String node : chain) {
                counters.merge(new RollupKey(node, yc.year(), yc.cell()), v, BigDecimal::add);
            }
        });
    }
}
