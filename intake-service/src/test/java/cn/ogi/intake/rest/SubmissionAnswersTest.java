package cn.ogi.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.intake.submission.SubmissionView;
import cn.ogi.intake.submission.Submissions;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A stored submission is 202 (new) or 200 (an idempotent repeat) with Location; a reused key 409 naming the first. */
class SubmissionAnswersTest {

    private static final UUID ID = UUID.fromString("0b8a3f0e-3c1e-4c55-9d0e-6f1b2a3c4d5e");
    private static final SubmissionView VIEW = new SubmissionView(
            ID,
            cn.ogi.intake.submission.SubmissionStatus.RECEIVED,
            "11371500MB28532216",
            2023,
            "api",
            "s",
            OffsetDateTime.parse("2024-01-20T08:00:00Z"),
            null,
            null,
            null,
            null,
            List.of());

    @Test
    void aNewSubmissionIs202WithItsLocation() {
        Response response = SubmissionAnswers.of(new Submissions.Accepted(VIEW));
        assertEquals(202, response.getStatus());
        assertEquals(URI.create("/api/v1/submissions/" + ID), response.getLocation());
        assertSame(VIEW, response.getEntity());
    }

    @Test
    void anIdempotentRepeatIs200WithTheFirstSubmission() {
        Response response = SubmissionAnswers.of(new Submissions.Repeated(VIEW));
        assertEquals(200, response.getStatus());
        assertEquals(URI.create("/api/v1/submissions/" + ID), response.getLocation());
        assertSame(VIEW, response.getEntity());
    }

    @Test
    void aKeyUsedWithAnotherBodyIs409NamingTheFirstSubmission() {
        ProblemException refused = assertThrows(
                ProblemException.class, () -> SubmissionAnswers.of(new Submissions.KeyReused("key-1", ID)));
        Problem problem = refused.toProblem("/api/v1/submissions");
        assertEquals(409, problem.status());
        assertEquals(Problem.TYPE_BASE + "idempotency-key-reused", problem.type());
        assertEquals(
                "Idempotency-Key key-1 was already used with a different body (submission " + ID
                        + "); use a new key for a different report",
                problem.detail());
        assertEquals(Map.of("submission", "/api/v1/submissions/" + ID), problem.extensions());
    }
}
