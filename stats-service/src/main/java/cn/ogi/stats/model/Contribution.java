package cn.ogi.stats.model;

import cn.ogi.feed.ReportVersionCreated;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one report version adds to the rollups: its stated cells (blank cells count as nothing) and
 * counters whose keys start with {@code #} — so that report counts and quality counts roll up like cells.
 * Blank and zero cells are left out. Keys are the canonical cell keys, which mean the same thing in every edition that defines them
 * (edition 2019's single 其他处理 row is already {@code applications.otherDisposal.other}).
 */
public final class Contribution {

    public static final String COUNTER = "#";
    public static final String REPORTS = "#reports";
    public static final String WITH_FINDINGS = "#withFindings";
    public static final String EDITION = "#edition.";
    public static final String RULE = "#rule.";

    private Contribution() {}

    /** The contribution of a {@code report.version.created} payload. */
    public static Map<String, BigDecimal> of(ReportVersionCreated payload, String edition) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        JsonNode report = payload.report();
        if (report != null && report.isObject()) {
            // Blank and zero cells add nothing; leaving them out keeps report cells and rollups small.
            cells.putAll(CellReader.read(report));
        }
        cells.put(REPORTS, BigDecimal.ONE);
        cells.put(EDITION + edition, BigDecimal.ONE);
        TreeSet<String> rules = new TreeSet<>();
        if (payload.findings() != null) {
            payload.findings().forEach(f -> rules.add(f.rule() == null ? "UNKNOWN" : f.rule()));
        }
        if (!rules.isEmpty()) {
            cells.put(WITH_FINDINGS, BigDecimal.ONE);
            rules.forEach(rule -> cells.put(RULE + rule, BigDecimal.ONE));
        }
        return cells;
    }

    /** next − previous for every key of either, leaving out keys that did not change. */
    public static Map<String, BigDecimal> difference(Map<String, BigDecimal> previous, Map<String, BigDecimal> next) {
        Map<String, BigDecimal> delta = new LinkedHashMap<>();
        next.forEach((key, value) -> {
            BigDecimal d = value.subtract(previous.getOrDefault(key, BigDecimal.ZERO));
            if (d.signum() != 0) {
                delta.put(key, d);
            }
        });
        previous.forEach((key, value) -> {
            if (!next.containsKey(key) && value.signum() != 0) {
                delta.put(key, value.negate());
            }
        });
        return delta;
    }
}
