package cn.ogi.intake.submission;

import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.ogi.form.rules.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    @ConfigProperty(name = "intake.batch.chunk", defaultValue = "500")
    int chunkSize;

    /** The result of one line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(int line, String status, UUID id, String location, String detail, List<Finding> findings) {
    }

    private record Pending(int line, Submissions.Incoming incoming) {
    }

    /** Reads the body to its end, writing one result line per report line; returns the count accepted. */
    public int submit(InputStream body, OutputStream results, String batchKey, String submitter) {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_CHARS);
        List<Pending> chunk = new ArrayList<>(chunkSize);
        int accepted = 0;
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            LineResult refused = check(line, batchKey, submitter, chunk);
            if (refused != null) {
                flushInOrder(chunk, results, refused);
            }
            if (chunk.size() >= chunkSize) {
                accepted += store(chunk, results);
            }
        }
        accepted += store(chunk, results);
        return accepted;
    }

    /** Adds a good line to the chunk; returns the result of a refused line instead. */
    private LineResult check(NdjsonLines.Line line, String batchKey, String submitter, List<Pending> chunk) {
        if (line.unreadable() != null) {
            return new LineResult(line.number(), "invalid", null, null, line.unreadable(), null);
        }
        JsonNode node;
        try {
            node = submitting.parse(line.text());
        } catch (ProblemException e) {
            return new LineResult(line.number(), "invalid", null, null, e.getMessage(), null);
        }
        ReportChecks.Checked checked = checks.checkPushed(node);
        if (!checked.accepted()) {
            return new LineResult(line.number(), "rejected", null, null,
                    checked.refusals().size() + " problem(s) refuse this report", checked.refusals());
        }
        String key = batchKey == null ? null : batchKey + "#" + line.number();
        chunk.add(new Pending(line.number(), new Submissions.Incoming(checked.report(), "api", null, key, submitter,
                null, checked.findings())));
        return null;
    }

    /** Results go out in line order: a refused line waits for the accepted lines before it. */
    private void flushInOrder(List<Pending> chunk, OutputStream results, LineResult refused) {
        store(chunk, results);
        write(results, refused);
    }

    private int store(List<Pending> chunk, OutputStream results) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<Submissions.Stored> stored = submissions.storeAll(chunk.stream().map(Pending::incoming).toList());
        int accepted = 0;
        for (int i = 0; i < stored.size(); i++) {
            Submissions.Stored s = stored.get(i);
            int line = chunk.get(i).line();
            if (s.refusal() != null) {
                write(results, new LineResult(line, "conflict", null, null, s.refusal().getMessage(), null));
            } else {
                accepted++;
                UUID id = s.submission().id();
                write(results, new LineResult(line, s.created() ? "accepted" : "repeated", id,
                        "/api/v1/submissions/" + id, null, s.submission().findings().isEmpty() ? null
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
