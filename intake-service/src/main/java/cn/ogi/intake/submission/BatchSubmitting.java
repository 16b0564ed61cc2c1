package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import cn.ogi.web.ProblemException;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Scope;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A batch of reports as NDJSON, streamed: lines are read, checked and stored a chunk at a time (one
 * transaction per chunk) and each line's result is written as soon as its chunk is committed.
 * Good lines are accepted whatever the other lines hold.
 */
@ApplicationScoped
public class BatchSubmitting {

    static final int MAX_LINE_CHARS = 1024 * 1024;

    @Inject
    ReportChecks checks;

    @Inject
    Submissions submissions;

    @Inject
    Submitting submitting;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "intake.batch.chunk", defaultValue = "500")
    int chunkSize;

    /** The result of one line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(
            int line, String status, UUID id, String location, String detail, List<Finding> findings) {}

    private record Pending(int line, Submissions.Incoming incoming) {}

    /**
     * Reads the body to its end, writing one result line per report line; returns the count accepted.
     * {@code importedHistory} marks every line as imported history (an admin's batch, checked by the resource).
     */
    public int submit(InputStream body, OutputStream results, String batchKey, Scope scope, boolean importedHistory) {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_CHARS);
        List<Pending> chunk = new ArrayList<>(chunkSize);
        int accepted = 0;
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            LineResult refused = check(line, batchKey, scope, chunk, importedHistory);
            if (refused != null) {
                audit.recordRefusalFor(
                        AuditTrail.Actor.of(scope),
                        new AuditTrail.Entry(
                                "submission.refused",
                                "batch-line",
                                (batchKey == null ? "-" : batchKey) + "#" + line.number(),
                                null,
                                Map.of("status", refused.status(), "detail", String.valueOf(refused.detail()))));
                accepted += store(chunk, results, scope);
                write(results, refused);
            }
            if (chunk.size() >= chunkSize) {
                accepted += store(chunk, results, scope);
            }
        }
        accepted += store(chunk, results, scope);
        return accepted;
    }

    /** Adds a good line to the chunk; returns the result of a refused line instead. */
    private LineResult check(
            NdjsonLines.Line line, String batchKey, Scope scope, List<Pending> chunk, boolean importedHistory) {
        if (line.unreadable() != null) {
            return new LineResult(line.number(), "invalid", null, null, line.unreadable(), null);
        }
        JsonNode node;
        try {
            node = submitting.parse(line.text());
        } catch (ProblemException e) {
            return new LineResult(line.number(), "invalid", null, null, e.getMessage(), null);
        }
        ReportChecks.Checked checked;
        try {
            checked = checks.checkPushed(node, scope);
        } catch (ProblemException e) {
            return new LineResult(line.number(), "forbidden", null, null, e.getMessage(), null);
        }
        if (!checked.accepted()) {
            return new LineResult(
                    line.number(),
                    "rejected",
                    null,
                    null,
                    checked.refusals().size() + " problem(s) refuse this report",
                    checked.refusals());
        }
        String key = batchKey == null ? null : batchKey + "#" + line.number();
        chunk.add(new Pending(
                line.number(),
                new Submissions.Incoming(
                        checked.report(),
                        checked.jurisdiction(),
                        "api",
                        null,
                        key,
                        scope.subject(),
                        null,
                        checked.findings(),
                        importedHistory)));
        return null;
    }

    /** Stores the pending lines; results go out in line order, so a refused line waits for those before it. */
    private int store(List<Pending> chunk, OutputStream results, Scope scope) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<Submissions.Stored> stored =
                submissions.storeAll(chunk.stream().map(Pending::incoming).toList(), scope);
        int accepted = 0;
        for (int i = 0; i < stored.size(); i++) {
            Submissions.Stored s = stored.get(i);
            int line = chunk.get(i).line();
            if (s.refusal() != null) {
                write(
                        results,
                        new LineResult(line, "conflict", null, null, s.refusal().getMessage(), null));
            } else {
                accepted++;
                UUID id = s.submission().id();
                write(
                        results,
                        new LineResult(
                                line,
                                s.created() ? "accepted" : "repeated",
                                id,
                                "/api/v1/submissions/" + id,
                                null,
                                s.submission().findings().isEmpty()
                                        ? null
                                        : s.submission().findings()));
            }
        }
        chunk.clear();
        flush(results);
        return accepted;
    }

    private void write(OutputStream results, LineResult result) {
        try {
            results.write(json.writeValueAsBytes(result));
            results.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(OutputStream results) {
        try {
            results.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
