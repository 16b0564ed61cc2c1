package cn.ogi.intake.submission;

import cn.ogi.web.Outages;
import cn.ogi.web.auth.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * How the checked lines of a batch are stored — the one part of a batch that knows about transactions. A chunk is
 * stored by one multi-row statement (one transaction: {@link SubmissionStore#insert}); should that fail for another reason than an outage, each line is stored alone, so
 * that one line that cannot be stored never costs the others theirs. Whatever happens, every line gets an outcome.
 */
@ApplicationScoped
public class BatchStorage {

    private static final Logger LOG = Logger.getLogger(BatchStorage.class);

    @Inject
    Submissions submissions;

    /** One line's outcome: stored (created or repeated, or refused by its key), or a failure status and detail. */
    public record Outcome(Submissions.Outcome stored, String failure, String detail) {

        static Outcome of(Submissions.Outcome stored) {
            return new Outcome(stored, null, null);
        }

        /** The result of line {@code line}, stored (or refused) under {@code key}. */
        LineResult result(int line, String key) {
            if (failure != null) {
                return LineResult.refused(line, failure, key, detail, null);
            }
            if (stored instanceof Submissions.KeyReused reused) {
                return LineResult.refused(line, LineResult.CONFLICT, key, reused.explanation(), null);
            }
            Submissions.Stored s = (Submissions.Stored) stored;
            return LineResult.stored(
                    line, s.created(), s.submission().id(), key, s.submission().findings());
        }
    }

    /** One outcome per line, in order. */
    public List<Outcome> store(List<Submissions.Incoming> lines, Scope scope) {
        if (lines.isEmpty()) {
            return List.of();
        }
        try {
            return submissions.storeAll(lines, scope).stream().map(Outcome::of).toList();
        } catch (RuntimeException e) {
            if (Outages.classify(e).isPresent()) {
                LOG.warnf("batch chunk of %d lines not stored, the database is unavailable: %s", lines.size(), e);
                return lines.stream().map(l -> unavailable()).toList();
            }
            LOG.warnf(e, "batch chunk of %d lines not stored; storing each line alone", lines.size());
        }
        List<Outcome> outcomes = new ArrayList<>(lines.size());
        for (Submissions.Incoming line : lines) {
            try {
                outcomes.add(
                        Outcome.of(submissions.storeAll(List.of(line), scope).get(0)));
            } catch (RuntimeException e) {
                outcomes.add(failure(e));
            }
        }
        return outcomes;
    }

    static Outcome failure(RuntimeException e) {
        if (Outages.classify(e).isPresent()) {
            return unavailable();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "batch line failed, incident %s", incident);
        return new Outcome(
                null,
                LineResult.ERROR,
                "The line could not be processed; the incident id " + incident + " is in the service log");
    }

    private static Outcome unavailable() {
        return new Outcome(
                null,
                LineResult.UNAVAILABLE,
                "The database is unavailable; nothing was stored for this line, send it again (its key makes that safe)");
    }
}
