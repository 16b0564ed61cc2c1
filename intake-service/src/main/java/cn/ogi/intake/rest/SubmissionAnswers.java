package cn.ogi.intake.rest;

import cn.ogi.intake.submission.Submissions;
import cn.ogi.web.ProblemException;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The HTTP answer to a stored (or refused) submission, the same for JSON and published reports: 202 for a new one,
 * 200 for an idempotent repeat, both with Location and the submission; a reused Idempotency-Key is 409 problem+json
 * (through the shared problem mapper), naming the first submission.
 */
final class SubmissionAnswers {

    private SubmissionAnswers() {}

    static Response of(Submissions.Outcome outcome) {
        if (outcome instanceof Submissions.KeyReused reused) {
            throw ProblemException.conflict("idempotency-key-reused", reused.explanation())
                    .with("submission", location(reused.first().toString()).toString());
        }
        Submissions.Stored stored = (Submissions.Stored) outcome;
        return Response.status(stored.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(location(stored.submission().id().toString()))
                .entity(stored.submission())
                .build();
    }

    private static URI location(String id) {
        return URI.create("/api/v1/submissions/" + id);
    }
}
