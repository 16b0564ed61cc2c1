package cn.ogi.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.reporting.report.Approvals;
import cn.ogi.reporting.report.ReportView;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** An approval or reopening is answered with the approval made, a refusal with its problem. */
class ApprovalAnswersTest {

    private static final String AGENCY = "11371500MB28532216";

    @Test
    void anApprovalMadeIsTheAnswer() {
        var view = new ReportView.ApprovalView(
                "approved", 2, "alice", OffsetDateTime.parse("2024-03-01T08:00:00Z"), "checked");
        assertSame(view, ApprovalResource.answer(new Approvals.Done(view)));
    }

    @Test
    void anApprovedReportIsNotApprovedAgain() {
        Problem problem = refusal(new Approvals.AlreadyApproved(AGENCY, 2023, 3));
        assertEquals(409, problem.status());
        assertEquals(Problem.TYPE_BASE + "already-approved", problem.type());
        assertEquals("The report of " + AGENCY + " for 2023 is already approved at version 3", problem.detail());
    }

    @Test
    void anOpenReportIsNotReopened() {
        Problem problem = refusal(new Approvals.NotApproved(AGENCY, 2023));
        assertEquals(409, problem.status());
        assertEquals(Problem.TYPE_BASE + "not-approved", problem.type());
        assertEquals(
                "The report of " + AGENCY + " for 2023 is not approved; there is nothing to reopen", problem.detail());
    }

    @Test
    void aReopeningWithoutReasonIs422() {
        Problem problem = refusal(new Approvals.ReasonMissing());
        assertEquals(422, problem.status());
        assertEquals(Problem.TYPE_BASE + "reason-required", problem.type());
        assertEquals("Reopening an approved report needs a 'reason'", problem.detail());
    }

    private static Problem refusal(Approvals.Outcome outcome) {
        return assertThrows(ProblemException.class, () -> ApprovalResource.answer(outcome))
                .toProblem("/api/v1/reports/" + AGENCY + "/2023/approval");
    }
}
