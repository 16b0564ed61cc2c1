package cn.ogi.stats.model;

import cn.ogi.feed.AgencyUpserted;
import cn.ogi.feed.ApprovalChanged;
import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ReportVersionCreated;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelAgency;
import cn.ogi.stats.memory.ModelNode;
import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry and the reports as a page sees them while its events are applied: what the page's events set so
 * far, else the model in memory (the registry), else the tables (the reports, each read once and kept).
 */
final class PageState {

    private final MemoryModel base;
    private final ReadModelTables tables;

    private final Map<String, NodeRow> nodes = new LinkedHashMap<>();
    private final Map<String, AgencyRow> agencies = new LinkedHashMap<>();
    private final Map<ReportState.Key, ReportState> reports = new HashMap<>();
    /** Reports read (or known absent), and agencies whose every report is in {@link #reports}. */
    private final Set<ReportState.Key> read = new HashSet<>();

    private final Set<String> allReportsRead = new HashSet<>();

    PageState(MemoryModel base, ReadModelTables tables) {
        this.base = base;
        this.tables = tables;
    }

    /** Reads, in two statements, the reports the page's events touch (every report of an agency that may move). */
    void readAhead(List<ChangeEvent> events, PagePayloads payloads) {
        Set<ReportState.Key> keys = new LinkedHashSet<>();
        Set<String> movers = new LinkedHashSet<>();
        for (ChangeEvent e : events) {
            Record payload = payloads.readAhead(e.seq());
            String code = null;
            Integer year = null;
            if (payload instanceof ReportVersionCreated v) {
                code = Payloads.strip(v.agencyCode());
                year = v.year();
            } else if (payload instanceof ApprovalChanged a) {
                code = Payloads.strip(a.agencyCode());
                year = a.year();
            } else if (payload instanceof AgencyUpserted a) {
                String agency = Payloads.strip(a.code());
                ModelAgency known = agency == null ? null : base.agency(agency);
                if (known != null && known.reportedYears().length > 0) {
                    movers.add(agency);
                }
            }
            if (code != null && year != null) {
                keys.add(new ReportState.Key(code, year));
            }
        }
        for (ReportState r : tables.reportsOf(movers)) {
            remember(r);
        }
        allReportsRead.addAll(movers);
        keys.removeIf(read::contains);
        for (ReportState r : tables.reports(keys)) {
            remember(r);
        }
        read.addAll(keys);
    }

    /** The nodes the page set, in the order it first set them. */
    Collection<NodeRow> nodes() {
        return nodes.values();
    }

    /** The agencies the page set, in the order it first set them. */
    Collection<AgencyRow> agencies() {
        return agencies.values();
    }

    /** Every report the page read or made. */
    Collection<ReportState> reports() {
        return reports.values();
    }

    void put(NodeRow row) {
        nodes.put(row.code(), row);
    }

    void put(AgencyRow row) {
        agencies.put(row.code(), row);
    }

    NodeRow node(String code) {
        NodeRow row = nodes.get(code);
        if (row != null) {
            return row;
        }
        ModelNode n = base.node(code);
        return n == null ? null : new NodeRow(n.code(), n.name(), n.level(), n.parent());
    }

    AgencyRow agency(String code) {
        AgencyRow row = agencies.get(code);
        if (row != null) {
            return row;
        }
        ModelAgency a = base.agency(code);
        return a == null ? null : a.row();
    }

    /**
     * The node and its ancestors as the page sees them; a node unknown to the registry is its own chain, and
     * a cycle (which reporting-service refuses) ends the walk.
     */
    List<String> chain(String code) {
        List<String> chain = new ArrayList<>();
        for (String at = code; at != null && !chain.contains(at); ) {
            chain.add(at);
            NodeRow row = node(at);
            at = row == null ? null : row.parent();
        }
        return chain;
    }

    /** The report as the page sees it: read from the table on first use, new when the table has none. */
    ReportState report(String agencyCode, int year) {
        return report(new ReportState.Key(agencyCode, year));
    }

    ReportState report(ReportState.Key key) {
        ReportState r = reports.get(key);
        if (r == null) {
            if (!read.contains(key) && !allReportsRead.contains(key.agencyCode())) {
                tables.reports(List.of(key)).forEach(this::remember);
                read.add(key);
                r = reports.get(key);
            }
            if (r == null) {
                r = new ReportState(key.agencyCode(), key.year());
                reports.put(key, r);
            }
        }
        return r;
    }

    /** Every report the agency has, as the page sees them. */
    List<ReportState> reportsOf(String agencyCode) {
        if (!allReportsRead.contains(agencyCode)) {
            tables.reportsOf(List.of(agencyCode)).forEach(r -> {
                if (!reports.containsKey(r.key())) {
                    remember(r);
                }
            });
            allReportsRead.add(agencyCode);
        }
        List<ReportState> own = new ArrayList<>();
        reports.values().forEach(r -> {
            if (r.exists && r.agencyCode.equals(agencyCode)) {
                own.add(r);
            }
        });
        return own;
    }

    /** A report read from the table; its findings are the model's (the table's, which the model equals). */
    private void remember(ReportState r) {
        ModelAgency a = base.agency(r.agencyCode);
        ReportFindings f = a == null ? null : a.findings(r.year);
        r.findings = f == null ? null : f.items();
        reports.put(r.key(), r);
        read.add(r.key());
    }
}
