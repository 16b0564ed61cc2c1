package cn.ogi.stats.model;

import cn.ogi.feed.AgencyUpserted;
import cn.ogi.feed.ApprovalChanged;
import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.JurisdictionUpserted;
import cn.ogi.feed.ReportVersionCreated;
import cn.ogi.form.rules.Finding;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelAgency;
import cn.ogi.stats.memory.ModelNode;
import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.FindingItem;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import cn.ogi.stats.memory.ModelRows.ReportStatus;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessCells.YearCell;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies one page of events in memory, over the model it starts from, then writes what changed in a few
 * statements. Events are applied in seq order, each against the state the ones before it left (jurisdictions,
 * agencies and reports of this page first, else the model or the tables): a new version adds (new − old) to the
 * rollups of its agency's node and every ancestor; an agency that moves or changes kind or years takes all its
 * contributions from the old chain to the new one; a node that changes parent moves its whole rollup. The
 * differences are summed per (node, year, cell) before they are written — once per page, not per event.
 */
final class PageWork {

    private static final Logger LOG = Logger.getLogger(PageWork.class);

    private final MemoryModel base;
    private final ReadModelTables tables;
    private final CompletenessRules rules;
    private final ObjectMapper json;

    private final Map<String, NodeRow> nodes = new LinkedHashMap<>();
    private final Map<String, AgencyRow> agencies = new LinkedHashMap<>();
    private final Map<ReportState.Key, ReportState> reports = new HashMap<>();
    /** Reports read (or known absent), and agencies whose every report is in {@link #reports}. */
    private final Set<ReportState.Key> read = new HashSet<>();

    private final Set<String> allReportsRead = new HashSet<>();
    private final Map<RollupKey, BigDecimal> deltas = new HashMap<>();
    /** Reports whose listing status may have changed (new, re-judged, other findings). */
    private final Set<ReportState.Key> statuses = new LinkedHashSet<>();

    PageWork(MemoryModel base, ReadModelTables tables, CompletenessRules rules, ObjectMapper json) {
        this.base = base;
        this.tables = tables;
        this.rules = rules;
        this.json = json;
    }

    /** Each event's payload as its contract record (feed-contract), read once, the versions on every core. */
    private Map<Long, Record> payloads = Map.of();

    /** What each version of the page contributes, worked out for all of them at once (on every core). */
    private Map<Long, Map<String, BigDecimal>> contributions = Map.of();

    /**
     * Reads, in two statements, the reports the page's events touch; and reads every version's cells (a pure
     * function of its payload) in parallel.
     */
    void prefetch(List<ChangeEvent> events) {
        payloads = events.parallelStream()
                .map(e -> Map.entry(e.seq(), Optional.ofNullable(read(e))))
                .filter(p -> p.getValue().isPresent())
                .collect(Collectors.toConcurrentMap(
                        Map.Entry::getKey, p -> p.getValue().get(), (a, b) -> a));
        contributions = events.parallelStream()
                .filter(e -> payloads.get(e.seq()) instanceof ReportVersionCreated)
                .collect(Collectors.toConcurrentMap(
                        ChangeEvent::seq,
                        e -> {
                            ReportVersionCreated v = (ReportVersionCreated) payloads.get(e.seq());
                            return Contribution.of(v, edition(v));
                        },
                        (a, b) -> a));
        Set<ReportState.Key> keys = new LinkedHashSet<>();
        Set<String> movers = new LinkedHashSet<>();
        for (ChangeEvent e : events) {
            Record payload = payloads.get(e.seq());
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

    void apply(ChangeEvent e) {
        Record payload = payloads.containsKey(e.seq()) ? payloads.get(e.seq()) : read(e);
        if (payload instanceof JurisdictionUpserted j) {
            jurisdiction(e.seq(), j);
        } else if (payload instanceof AgencyUpserted a) {
            agency(e.seq(), a);
        } else if (payload instanceof ReportVersionCreated v) {
            version(e, v);
        } else if (payload instanceof ApprovalChanged a) {
            approval(e, a, ChangeType.REPORT_APPROVED.wireName().equals(e.type()));
        } else if (e.changeType().isEmpty()) {
            // A type added to the feed later is skipped (and logged), never a reason to stop consuming.
            LOG.infof("event %d: type %s is not used by stats, skipped", e.seq(), e.type());
        }
    }

    /**
     * The event's payload as the record of its type; null for a type stats does not know, and for a payload that is
     * not its record (logged: the event is ignored, as an event without its keys is).
     */
    private Record read(ChangeEvent e) {
        ChangeType type = e.changeType().orElse(null);
        if (type == null) {
            return null;
        }
        try {
            Record payload = e.payloadAs(json, type.payload()).orElse(null);
            if (payload == null) {
                LOG.errorf("event %d: %s without payload, ignored", e.seq(), e.type());
            }
            return payload;
        } catch (IllegalArgumentException unreadable) {
            LOG.errorf("%s; ignored", unreadable.getMessage());
            return null;
        }
    }

    /** Writes what the page changed (in the caller's transaction) and returns it for the model in memory. */
    PageEffect write(long toSeq) {
        tables.writeNodes(nodes.values());
        tables.writeAgencies(agencies.values());
        List<ReportState> changed = new ArrayList<>();
        List<ReportState> refound = new ArrayList<>();
        for (ReportState r : reports.values()) {
            if (r.rowChanged) {
                changed.add(r);
            }
            if (r.findingsChanged) {
                refound.add(r);
            }
        }
        tables.writeReports(changed);
        tables.writeFindings(refound);
        tables.addToRollups(deltas);
        List<ReportStatus> statusRows = new ArrayList<>();
        for (ReportState.Key key : statuses) {
            statusRows.add(status(reports.get(key)));
        }
        return new PageEffect(toSeq, List.copyOf(nodes.values()), List.copyOf(agencies.values()), statusRows, deltas);
    }

    // --- events ---------------------------------------------------------------------------------------------------

    private void jurisdiction(long seq, JurisdictionUpserted p) {
        String code = Payloads.strip(p.code());
        if (code == null) {
            LOG.errorf("event %d: jurisdiction without code, ignored", seq);
            return;
        }
        NodeRow old = node(code);
        String oldParent = old == null ? null : old.parent();
        String parent = Payloads.strip(p.parent());
        if (parent != null && chain(parent).contains(code)) {
            // reporting-service refuses cycles; if one arrives anyway, keep the old parent rather than loop.
            LOG.errorf("event %d: jurisdiction %s under %s would make a cycle; parent kept", seq, code, parent);
            parent = oldParent;
        }
        String name = Objects.requireNonNullElse(Payloads.strip(p.name()), code);
        nodes.put(code, new NodeRow(code, name, Payloads.strip(p.level()), parent));
        if (!Objects.equals(oldParent, parent)) {
            // The node's whole rollup (its subtree) leaves the old parent's chain and joins the new one's; a new
            // node whose subtree already has reports (events out of order) joins like a move from nowhere.
            Map<RollupKey, BigDecimal> rollup = rollupOf(code);
            List<String> from = chain(oldParent);
            List<String> to = chain(parent);
            rollup.forEach((k, v) -> {
                add(from, k.year(), k.cell(), v.negate());
                add(to, k.year(), k.cell(), v);
            });
        }
    }

    private void agency(long seq, AgencyUpserted p) {
        String code = Payloads.strip(p.code());
        if (code == null) {
            LOG.errorf("event %d: agency without code, ignored", seq);
            return;
        }
        AgencyRow old = agencyRow(code);
        AgencyRow now = new AgencyRow(
                code,
                Payloads.strip(p.name()),
                Payloads.strip(p.kind()),
                Payloads.strip(p.jurisdiction()),
                p.reportsFrom(),
                p.reportsUntil());
        agencies.put(code, now);
        if (old != null && sameContribution(old, now)) {
            return; // a new name changes no number
        }
        // Everything the agency contributes leaves the old chain and joins the new one (kind and years decide
        // its completeness counters, so they count as a move too).
        List<ReportState> own = old == null ? List.of() : reportsOf(code);
        addAll(old == null ? List.of() : chain(old.jurisdiction()), total(old, own), -1);
        addAll(chain(now.jurisdiction()), total(now, own), 1);
        own.forEach(r -> statuses.add(r.key()));
    }

    private void version(ChangeEvent e, ReportVersionCreated p) {
        String agencyCode = Payloads.strip(p.agencyCode());
        Integer year = p.year();
        Integer version = p.version();
        if (agencyCode == null || year == null || version == null) {
            LOG.errorf("event %d: report version without agencyCode, year or version, ignored", e.seq());
            return;
        }
        ReportState r = report(agencyCode, year);
        if (r.exists && r.version >= version) {
            LOG.warnf(
                    "event %d: %s/%d version %d is not newer than the applied version %d, ignored",
                    e.seq(), agencyCode, year, version, r.version);
            return;
        }
        AgencyRow agency = agencyRow(agencyCode);
        if (agency == null) {
            // a report of an agency not (yet) in the registry: a placeholder without node keeps its cells
            agency = new AgencyRow(agencyCode, null, null, null, null, null);
            agencies.put(agencyCode, agency);
        }
        String edition = edition(p);
        Map<String, BigDecimal> before = r.exists ? reportTotal(agency, r) : Map.of();
        OffsetDateTime submittedAt = p.submittedAt();
        if (submittedAt == null) {
            submittedAt = e.recordedAt() != null ? e.recordedAt() : OffsetDateTime.now(ZoneOffset.UTC);
        }
        // as the table gives it back (timestamptz reads as UTC), so that memory and tables hold the same value
        submittedAt = submittedAt.withOffsetSameInstant(ZoneOffset.UTC);
        if (!r.exists) {
            // set once, by version 1 or the first version seen: lateness is judged by the first version
            r.exists = true;
            r.firstSubmittedAt = submittedAt;
            r.firstPublishedOn = publishedOn(p);
            r.firstImported = Boolean.TRUE.equals(p.importedHistory());
        }
        r.version = version;
        r.edition = edition;
        r.source = Payloads.strip(p.source());
        r.submittedAt = submittedAt;
        Map<String, BigDecimal> cells = contributions.get(e.seq());
        r.cells = cells != null ? cells : Contribution.of(p, edition);
        r.findings = findings(p.findings());
        r.rowChanged = true;
        r.findingsChanged = true;
        statuses.add(r.key());
        addDifference(chain(agency.jurisdiction()), year, before, reportTotal(agency, r));
    }

    private void approval(ChangeEvent e, ApprovalChanged p, boolean approved) {
        String agencyCode = Payloads.strip(p.agencyCode());
        Integer year = p.year();
        ReportState r = agencyCode == null || year == null ? null : report(agencyCode, year);
        if (r == null || !r.exists) {
            LOG.warnf("event %d: %s of unknown report %s/%s, ignored", e.seq(), e.type(), agencyCode, year);
            return;
        }
        r.status = approved ? "approved" : "open";
        r.approvedVersion = approved && p.approval() != null ? p.approval().version() : null;
        r.rowChanged = true;
    }

    // --- contributions ----------------------------------------------------------------------------------------------

    private static boolean sameContribution(AgencyRow a, AgencyRow b) {
        return Objects.equals(a.jurisdiction(), b.jurisdiction())
                && Objects.equals(a.kind(), b.kind())
                && Objects.equals(a.reportsFrom(), b.reportsFrom())
                && Objects.equals(a.reportsUntil(), b.reportsUntil());
    }

    /** Everything an agency adds to its chain: its completeness interval and each of its reports. */
    private Map<YearCell, BigDecimal> total(AgencyRow agency, List<ReportState> own) {
        Map<YearCell, BigDecimal> total = new HashMap<>();
        if (agency == null) {
            return total;
        }
        total.putAll(CompletenessCells.agency(agency.kind(), agency.reportsFrom(), agency.reportsUntil()));
        for (ReportState r : own) {
            reportTotal(agency, r).forEach((cell, v) -> total.merge(new YearCell(r.year, cell), v, BigDecimal::add));
        }
        return total;
    }

    /** A report's cells and its completeness counters (judged with the agency's kind and years). */
    private Map<String, BigDecimal> reportTotal(AgencyRow agency, ReportState r) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>(r.cells);
        CompletenessCells.report(
                        agency.kind(),
                        agency.reportsFrom(),
                        agency.reportsUntil(),
                        r.year,
                        judge(agency, r).late())
                .forEach((cell, v) -> cells.merge(cell, v, BigDecimal::add));
        return cells;
    }

    private CompletenessRules.Judgement judge(AgencyRow agency, ReportState r) {
        return rules.judge(agency.kind(), r.year, r.firstSubmittedAt, r.firstPublishedOn, r.firstImported);
    }

    private ReportStatus status(ReportState r) {
        AgencyRow agency = agencyRow(r.agencyCode);
        CompletenessRules.Judgement judged = judge(agency, r);
        LateReport late =
                judged.late() ? new LateReport(r.firstSubmittedAt, r.firstPublishedOn, r.firstImported, judged) : null;
        ReportFindings findings = r.findings == null || r.findings.isEmpty()
                ? null
                : new ReportFindings(r.version, List.copyOf(r.findings));
        return new ReportStatus(r.agencyCode, r.year, late, findings);
    }

    private void addDifference(
            List<String> chain, int year, Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Contribution.difference(before, after).forEach((cell, d) -> add(chain, year, cell, d));
    }

    private void addAll(List<String> chain, Map<YearCell, BigDecimal> cells, int sign) {
        cells.forEach((yc, v) -> add(chain, yc.year(), yc.cell(), sign < 0 ? v.negate() : v));
    }

    private void add(List<String> chain, int year, String cell, BigDecimal delta) {
        if (delta.signum() == 0) {
            return;
        }
        for (String node : chain) {
            deltas.merge(new RollupKey(node, year, cell), delta, BigDecimal::add);
        }
    }

    // --- the state the page sees ------------------------------------------------------------------------------------

    private NodeRow node(String code) {
        NodeRow row = nodes.get(code);
        if (row != null) {
            return row;
        }
        ModelNode n = base.node(code);
        return n == null ? null : new NodeRow(n.code(), n.name(), n.level(), n.parent());
    }

    private AgencyRow agencyRow(String code) {
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
    private List<String> chain(String code) {
        List<String> chain = new ArrayList<>();
        for (String at = code; at != null && !chain.contains(at); ) {
            chain.add(at);
            NodeRow row = node(at);
            at = row == null ? null : row.parent();
        }
        return chain;
    }

    /** The node's rollup as it stands now: the model's plus what this page added to it so far. */
    private Map<RollupKey, BigDecimal> rollupOf(String code) {
        Map<RollupKey, BigDecimal> rollup = new HashMap<>(base.rollupOf(code));
        deltas.forEach((k, v) -> {
            if (k.node().equals(code)) {
                rollup.merge(k, v, BigDecimal::add);
            }
        });
        rollup.values().removeIf(v -> v.signum() == 0);
        return rollup;
    }

    private ReportState report(String agencyCode, int year) {
        ReportState.Key key = new ReportState.Key(agencyCode, year);
        ReportState r = reports.get(key);
        if (r == null) {
            if (!read.contains(key) && !allReportsRead.contains(agencyCode)) {
                tables.reports(List.of(key)).forEach(this::remember);
                read.add(key);
                r = reports.get(key);
            }
            if (r == null) {
                r = new ReportState(agencyCode, year);
                reports.put(key, r);
            }
        }
        return r;
    }

    private List<ReportState> reportsOf(String agencyCode) {
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

    private static List<FindingItem> findings(List<Finding> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<FindingItem> findings = new ArrayList<>();
        for (Finding f : list) {
            findings.add(new FindingItem(
                    Objects.requireNonNullElse(f.rule(), "UNKNOWN"),
                    f.severity() == null ? "error" : f.severity().json(),
                    List.copyOf(f.cells()),
                    Payloads.strip(f.message())));
        }
        return findings;
    }

    static String edition(ReportVersionCreated p) {
        String edition = Payloads.strip(p.edition());
        return edition != null
                ? edition
                : p.report() == null ? "unknown" : p.report().path("edition").asText("unknown");
    }

    /** The report's {@code publishedOn}, or null when absent or not an ISO date (the event is applied anyway). */
    private static LocalDate publishedOn(ReportVersionCreated p) {
        String text = p.report() == null ? null : Payloads.text(p.report(), "publishedOn");
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
