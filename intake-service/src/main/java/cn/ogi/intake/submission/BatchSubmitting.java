package cn.ogi.intake.submission;

import cn.ogi.intake.directory.Directory;
import cn.ogi.web.ProblemException;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A batch of reports as NDJSON, streamed. Every line gets exactly one result, in line order, whatever the other
 * lines hold and whatever fails while one is handled; the answer ends with a summary line. Lines are read and
 * checked one at a time; the good ones are stored a chunk at a time ({@link BatchStorage}), and the results of a
 * chunk (and of the refused lines between) are written as soon as it is committed.
 *
 * <p>Each line is stored under an idempotency key, so that a client cut off mid-stream can send the whole batch
 * again and gets {@code repeated} for what was stored the first time: the line's own key (envelope
 * {@code {"idempotencyKey": "…", "report": {…}}}), else {@code K#n} with the batch's {@code Idempotency-Key} K,
 * else one derived from the content: {@code content:<agencyCode>/<year>/<sha256 of the canonical report>}.
 */
@ApplicationScoped
public class BatchSubmitting {

    private static final Logger LOG = Logger.getLogger(BatchSubmitting.class);

    @Inject
    ReportChecks checks;

    @Inject
    Submitting submitting;

    @Inject
    BatchStorage storage;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Inject
    Directory directory;

    @Inject
    BatchSettings settings;

    /** A line waiting for its result: already refused, or checked and waiting to be stored. */
    private record Slot(int line, LineResult refused, Submissions.Incoming incoming) {}

    /**
     * Reads the body to its end, writing one result per line and then the summary; returns the summary.
     * {@code importedHistory} marks every line as imported history (an admin's batch, checked by the resource).
     */
    public Map<String, Integer> submit(
            InputStream body, OutputStream results, String batchKey, Scope scope, boolean importedHistory) {
        Batch batch = new Batch(results, batchKey, scope, importedHistory);
        NdjsonLines lines = new NdjsonLines(body, settings.maxLineBytes());
        try {
            for (NdjsonLines.Line line = lines.next(); line != null && !batch.gone; line = lines.next()) {
                batch.add(line);
            }
        } catch (UncheckedIOException e) {
            // The client stopped sending (or went away): answer what was read, as far as it still listens.
            LOG.infof("batch body ended early after line %d: %s", batch.lines, e.getMessage());
        }
        batch.flush();
        batch.writeSummary();
        return batch.counts;
    }

    /** The state of one batch request. */
    private final class Batch {

        private final OutputStream results;
        private final String batchKey;
        private final Scope scope;
        private final boolean importedHistory;
        private final List<Slot> slots = new ArrayList<>();
        private final List<AuditTrail.Entry> refusals = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        /** One question to the directory for the whole batch: an unknown agency waits for one round at most. */
        private final Directory.Asking asking = directory.asking();

        private int pending;
        private int lines;
        /** The client no longer reads the answer: stop reading its body (what was stored stays stored). */
        private boolean gone;

        Batch(OutputStream results, String batchKey, Scope scope, boolean importedHistory) {
            this.results = results;
            this.batchKey = batchKey;
            this.scope = scope;
            this.importedHistory = importedHistory;
            LineResult.STATUSES.forEach(s -> counts.put(s, 0));
        }

        void add(NdjsonLines.Line line) {
            lines++;
            Slot slot;
            try {
                slot = check(line);
            } catch (RuntimeException e) {
                slot = new Slot(line.number(), BatchStorage.failure(e).result(line.number(), null), null);
            }
            slots.add(slot);
            if (slot.refused() != null) {
                refusals.add(refusalEntry(slot.refused()));
            } else {
                pending++;
            }
            if (pending >= settings.chunk() || slots.size() >= 2 * settings.chunk()) {
                flush();
            }
        }

        /** Stores the waiting lines and writes every waiting result, in line order. */
        void flush() {
            List<Slot> waiting =
                    slots.stream().filter(s -> s.incoming() != null).toList();
            List<BatchStorage.Outcome> outcomes =
                    storage.store(waiting.stream().map(Slot::incoming).toList(), scope);
            int next = 0;
            for (Slot slot : slots) {
                LineResult result = slot.refused() != null
                        ? slot.refused()
                        : outcomes.get(next++)
                                .result(slot.line(), slot.incoming().idempotencyKey());
                counts.merge(result.status(), 1, Integer::sum);
                write(result);
            }
            auditRefusals();
            slots.clear();
            pending = 0;
            flushResults();
        }

        void writeSummary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("lines", lines);
            summary.putAll(counts);
            write(Map.of("summary", summary));
            flushResults();
        }

        private void flushResults() {
            if (gone) {
                return;
            }
            try {
                results.flush();
            } catch (IOException e) {
                gone = true;
            }
        }

        private Slot check(NdjsonLines.Line line) {
            int n = line.number();
            if (line.unreadable() != null) {
                return refusedSlot(n, LineResult.INVALID, null, line.unreadable(), null, null);
            }
            JsonNode node;
            try {
                node = submitting.parse(line.text());
            } catch (ProblemException e) {
                return refusedSlot(n, LineResult.INVALID, null, e.getMessage(), null, null);
            }
            String lineKey = null;
            if (BatchLineKeys.isEnvelope(node)) {
                JsonNode key = node.get("idempotencyKey");
                if (key != null && !key.isNull()) {
                    if (!key.isTextual()
                            || key.asText().isBlank()
                            || key.asText().length() > 200) {
                        return refusedSlot(
                                n, LineResult.INVALID, null, "idempotencyKey must be 1 to 200 characters", null, null);
                    }
                    lineKey = key.asText();
                }
                node = node.get("report");
            }
            ReportChecks.Checked checked;
            try {
                checked = checks.checkPushed(node, scope, asking);
            } catch (ProblemException e) {
                String status = LineResult.statusOf(e);
                if (status == null) {
                    throw e; // not the line's own refusal: answered as an error with an incident id
                }
                return refusedSlot(n, status, lineKey, e.getMessage(), null, e.targetJurisdiction());
            }
            if (!checked.accepted()) {
                return refusedSlot(
                        n,
                        LineResult.REJECTED,
                        lineKey,
                        checked.refusals().size() + " problem(s) refuse this report",
                        checked.refusals(),
                        null);
            }
            return waiting(n, lineKey, checked);
        }

        /** A line its checks accepted, waiting to be stored under its key. */
        private Slot waiting(int n, String lineKey, ReportChecks.Checked checked) {
            // written once: for the content key (when the line and the batch have none) and for storing
            String canonical = checks.json().canonicalString(checked.report());
            String key = BatchLineKeys.storedUnder(lineKey, batchKey, n, checked.report(), canonical);
            return new Slot(
                    n,
                    null,
                    new Submissions.Incoming(
                            checked.report(),
                            checked.jurisdiction(),
                            "api",
                            null,
                            key,
                            scope.subject(),
                            null,
                            checked.findings(),
                            importedHistory,
                            null,
                            canonical));
        }

        private Slot refusedSlot(
                int line,
                String status,
                String key,
                String detail,
                List<cn.ogi.form.rules.Finding> findings,
                String targetJurisdiction) {
            LineResult result = LineResult.refused(line, status, key, detail, findings);
            refusalJurisdictions.put(line, targetJurisdiction);
            return new Slot(line, result, null);
        }

        private final Map<Integer, String> refusalJurisdictions = new java.util.HashMap<>();

        private AuditTrail.Entry refusalEntry(LineResult refused) {
            return new AuditTrail.Entry(
                    "submission.refused",
                    "batch-line",
                    (batchKey == null ? "-" : batchKey) + "#" + refused.line(),
                    refusalJurisdictions.remove(refused.line()),
                    Map.of("status", refused.status(), "detail", String.valueOf(refused.detail())));
        }

        /** The refusals of the lines just answered, in one transaction; a failure to record them is logged. */
        private void auditRefusals() {
            if (refusals.isEmpty()) {
                return;
            }
            try {
                audit.recordRefusalsFor(AuditTrail.Actor.of(scope), List.copyOf(refusals));
            } catch (RuntimeException e) {
                LOG.warnf("%d refused batch lines not audited: %s", refusals.size(), e.getMessage());
            }
            refusals.clear();
        }

        private void write(Object result) {
            if (gone) {
                return;
            }
            try {
                results.write(json.writeValueAsBytes(result));
                results.write('\n');
            } catch (IOException e) {
                LOG.infof("batch client went away after line %d: %s", lines, e.getMessage());
                gone = true;
            }
        }
    }
}
