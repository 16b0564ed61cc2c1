package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.FindingItem;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import cn.ogi.stats.memory.ModelRows.ReportStatus;
import cn.ogi.stats.model.CompletenessRules;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Builds a {@link MemoryModel} from the tables of the transaction's schema: the cursor, the registry, every
 * rollup row, and per report whether it was late (judged by the rules) and its findings. Called in the
 * caller's transaction, so that what it reads is one consistent state (the writer holds the cursor lock; a
 * reload runs REPEATABLE READ).
 */
@ApplicationScoped
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    private static final int FETCH = 10_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    @Inject
    Sql db;

    @Inject
    ObjectMapper json;

    /** One process-wide cell numbering for every model (see {@link CellIndex}). */
    private final CellIndex cells = new CellIndex();

    public CellIndex cells() {
        return cells;
    }

    /** An empty model (a rebuild's shadow starts from nothing). */
    public MemoryModel empty(CompletenessRules rules) {
        return new MemoryModel(cells, rules);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MemoryModel load(CompletenessRules rules) {
        long started = System.nanoTime();
        MemoryModel model = new MemoryModel(cells, rules);
        db.each(
                "SELECT last_seq, generation FROM feed_cursor WHERE id = 1",
                1,
                rs -> model.position(rs.getLong(1), rs.getInt(2)));
        db.each(
                "SELECT code, name, level, parent FROM jurisdiction",
                FETCH,
                rs -> model.put(new NodeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        eachAgency(model::put);
        long[] rows = {0};
        db.each("SELECT node, year, cell, value FROM rollup", FETCH, rs -> {
            model.add(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4));
            rows[0]++;
        });
        Map<String, Map<Integer, ReportFindings>> findings = findings();
        long[] reports = {0};
        eachFirstVersion(first -> {
            ModelAgency agency = model.agency(first.agency());
            CompletenessRules.Judgement judged = rules.judge(
                    agency == null ? null : agency.kind(),
                    first.year(),
                    first.submittedAt(),
                    first.publishedOn(),
                    first.imported());
            LateReport late = judged.late()
                    ? new LateReport(first.submittedAt(), first.publishedOn(), first.imported(), judged)
                    : null;
            ReportFindings f = findings.getOrDefault(first.agency(), Map.of()).get(first.year());
            model.put(new ReportStatus(first.agency(), first.year(), late, f));
            reports[0]++;
        });
        LOG.infof(
                "read model loaded at seq %d: %d agencies, %d reports, %d rollup rows in %d ms",
                model.seq(), model.agencyCount(), reports[0], rows[0], (System.nanoTime() - started) / 1_000_000);
        return model;
    }

    /** Every agency of the registry, read with a cursor in the caller's transaction. */
    public void eachAgency(Consumer<AgencyRow> each) {
        db.each(
                "SELECT code, name, kind, jurisdiction, reports_from, reports_until FROM agency",
                FETCH,
                rs -> each.accept(new AgencyRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Sql.integer(rs, "reports_from"),
                        Sql.integer(rs, "reports_until"))));
    }

    /** What the completeness rules judge of a report: when its first version came, its publication, imported. */
    public record FirstVersion(
            String agency, int year, OffsetDateTime submittedAt, LocalDate publishedOn, boolean imported) {}

    /** Every report's first version, read with a cursor in the caller's transaction. */
    public void eachFirstVersion(Consumer<FirstVersion> each) {
        db.each(
                "SELECT agency_code, year, first_submitted_at, first_published_on, first_imported FROM report",
                FETCH,
                rs -> each.accept(new FirstVersion(
                        rs.getString(1),
                        rs.getInt(2),
                        Sql.timestamp(rs, "first_submitted_at"),
                        Sql.date(rs, "first_published_on"),
                        rs.getBoolean(5))));
    }

    private Map<String, Map<Integer, ReportFindings>> findings() {
        Map<String, Map<Integer, ReportFindings>> byReport = new HashMap<>();
        db.each("""
                SELECT f.agency_code, f.year, r.version, f.rule, f.severity, CAST(f.cells AS text), f.message
                FROM report_finding f JOIN report r ON r.agency_code = f.agency_code AND r.year = f.year
                ORDER BY f.agency_code, f.year, f.ordinal""", FETCH, rs -> {
            int version = rs.getInt(3);
            ReportFindings f = byReport.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getInt(2), k -> new ReportFindings(version, new ArrayList<>()));
            f.items().add(new FindingItem(rs.getString(4), rs.getString(5), strings(rs.getString(6)), rs.getString(7)));
        });
        return byReport;
    }

    List<String> strings(String jsonArray) {
        try {
            return json.readValue(jsonArray, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of(jsonArray);
        }
    }
}
