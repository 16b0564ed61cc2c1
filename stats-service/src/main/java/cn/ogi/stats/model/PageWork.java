package cn.ogi.stats.model;

import cn.ogi.feed.AgencyUpserted;
import cn.ogi.feed.ApprovalChanged;
import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.JurisdictionUpserted;
import cn.ogi.feed.ReportVersionCreated;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import cn.ogi.stats.memory.ModelRows.ReportStatus;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessCells.YearCell;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies one page of events in memory, over the model it starts from, then writes what changed in a few
 * statements. Events are applied in seq order, each against the state the ones before it left (jurisdictions,
 * agencies and reports of this page first, else the model or the tables, {@link PageState}; the payloads read
 * ahead by {@link PagePayloads}): a new version adds (new − old) to the rollups of its agency's node and every
 * ancestor; an agency that moves or changes kind or years takes all its contributions from the old chain to the
 * new one; a node that changes parent moves its whole rollup. The differences are summed per (node, year, cell)
 * before they are written — once per page, not per event ({@link RollupDeltas}).
 */
final class PageWork {

    private static final Logger LOG = Logger.getLogger(PageWork.class);

    private final ReadModelTables tables;
    private final CompletenessRules rules;
    private final PagePayloads payloads;
    private final PageState state;
    private final RollupDeltas deltas;
    /** Reports whose listing status may have changed (new, re-judged, other findings). */
    private final Set<ReportState.Key> statuses = new LinkedHashSet<>();

    PageWork(MemoryModel base, ReadModelTables tables, CompletenessRules rules, ObjectMapper json) {
        this.tables = tables;
        this.rules = rules;
        this.payloads = new PagePayloads(json);
        this.state = new PageState(base, tables);
        this.deltas = new RollupDeltas(base);
    }

    /**
     * Reads, in two statements, the reports the page's events touch; and reads every version's cells (a pure
     * function of its payload) in parallel.
     */
    void prefetch(List<ChangeEvent> events) {
        payloads.read(events);
        state.readAhead(events, payloads);
    }

    void apply(ChangeEvent e) {
        Record payload = payloads.of(e);
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

    /** Writes what the page changed (in the caller's transaction) and returns it for the model in memory. */
    PageEffect write(long toSeq) {
        tables.writeNodes(state.nodes());
        tables.writeAgencies(state.agencies());
        List<ReportState> changed = new ArrayList<>();
        List<ReportState> refound = new ArrayList<>();
        for (ReportState r : state.reports()) {
            if (r.rowChanged) {
                changed.add(r);
            }
            if (r.findingsChanged) {
                refound.add(r);
            }
        }
        tables.writeReports(changed);
        tables.writeFindings(refound);
        tables.addToRollups(deltas.sums());
        List<ReportStatus> statusRows = new ArrayList<>();
        for (ReportState.Key key : statuses) {
            statusRows.add(status(state.report(key)));
        }
        return new PageEffect(
                toSeq, List.copyOf(state.nodes()), List.copyOf(state.agencies()), statusRows, deltas.sums());
    }

    // --- events ---------------------------------------------------------------------------------------------------

    private void jurisdiction(long seq, JurisdictionUpserted p) {
        String code = Payloads.strip(p.code());
        if (code == null) {
            LOG.errorf("event %d: jurisdiction without code, ignored", seq);
            return;
        }
        NodeRow old = state.node(code);
        String oldParent = old == null ? null : old.parent();
        String parent = Payloads.strip(p.parent());
        if (parent != null && state.chain(parent).contains(code)) {
            // reporting-service refuses cycles; if one arrives anyway, keep the old parent rather than loop.
            LOG.errorf("event %d: jurisdiction %s under %s would make a cycle; parent kept", seq, code, parent);
            parent = oldParent;
        }
        String name = Objects.requireNonNullElse(Payloads.strip(p.name()), code);
        state.put(new NodeRow(code, name, Payloads.strip(p.level()), parent));
        if (!Objects.equals(oldParent, parent)) {
            // The node's whole rollup (its subtree) leaves the old parent's chain and joins the new one's; a new
            // node whose subtree already has reports (events out of order) joins like a move from nowhere.
            Map<RollupKey, BigDecimal> rollup = deltas.rollupOf(code);
            List<String> from = state.chain(oldParent);
            List<String> to = state.chain(parent);
            rollup.forEach((k, v) -> {
                deltas.add(from, k.year(), k.cell(), v.negate());
                deltas.add(to, k.year(), k.cell(), v);
            });
        }
    }

    private void agency(long seq, AgencyUpserted p) {
        String code = Payloads.strip(p.code());
        if (code == null) {
            LOG.errorf("event %d: agency without code, ignored", seq);
            return;
        }
        AgencyRow old = state.agency(code);
        AgencyRow now = new AgencyRow(
                code,
                Payloads.strip(p.name()),
                Payloads.strip(p.kind()),
                Payloads.strip(p.jurisdiction()),
                p.reportsFrom(),
                p.reportsUntil());
        state.put(now);
        if (old != null && sameContribution(old, now)) {
            return; // a new name changes no number
        }
        // Everything the agency contributes leaves the old chain and joins the new one (kind and years decide
        // its completeness counters, so they count as a move too).
        List<ReportState> own = old == null ? List.of() : state.reportsOf(code);
        deltas.addAll(old == null ? List.of() : state.chain(old.jurisdiction()), total(old, own), -1);
        deltas.addAll(state.chain(now.jurisdiction()), total(now, own), 1);
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
        ReportState r = state.report(agencyCode, year);
        if (r.exists && r.version >= version) {
            LOG.warnf(
                    "event %d: %s/%d version %d is not newer than the applied version %d, ignored",
                    e.seq(), agencyCode, year, version, r.version);
            return;
        }
        AgencyRow agency = state.agency(agencyCode);
        if (agency == null) {
            // a report of an agency not (yet) in the registry: a placeholder without node keeps its cells
            agency = new AgencyRow(agencyCode, null, null, null, null, null);
            state.put(agency);
        }
        String edition = Payloads.edition(p);
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
            r.firstPublishedOn = Payloads.publishedOn(p);
            r.firstImported = Boolean.TRUE.equals(p.importedHistory());
        }
        r.version = version;
        r.edition = edition;
        r.source = Payloads.strip(p.source());
        r.submittedAt = submittedAt;
        Map<String, BigDecimal> cells = payloads.contribution(e.seq());
        r.cells = cells != null ? cells : Contribution.of(p, edition);
        r.findings = Payloads.findings(p.findings());
        r.rowChanged = true;
        r.findingsChanged = true;
        statuses.add(r.key());
        deltas.addDifference(state.chain(agency.jurisdiction()), year, before, reportTotal(agency, r));
    }

    private void approval(ChangeEvent e, ApprovalChanged p, boolean approved) {
        String agencyCode = Payloads.strip(p.agencyCode());
        Integer year = p.year();
        ReportState r = agencyCode == null || year == null ? null : state.report(agencyCode, year);
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
        AgencyRow agency = state.agency(r.agencyCode);
        CompletenessRules.Judgement judged = judge(agency, r);
        LateReport late =
                judged.late() ? new LateReport(r.firstSubmittedAt, r.firstPublishedOn, r.firstImported, judged) : null;
        ReportFindings findings = r.findings == null || r.findings.isEmpty()
                ? null
                : new ReportFindings(r.version, List.copyOf(r.findings));
        return new ReportStatus(r.agencyCode, r.year, late, findings);
    }
}
