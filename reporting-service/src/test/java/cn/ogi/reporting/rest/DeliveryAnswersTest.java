package cn.ogi.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.reporting.report.DeliveryOutcome;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each delivery outcome's status, batch word and problem, as the single endpoint and a batch item answer it. */
class DeliveryAnswersTest {

    private static final String AGENCY = "11371500MB28532216";
    private static final String PATH = "/api/v1/reports/" + AGENCY + "/2023/versions";
    private static final VersionReceipt RECEIPT = new VersionReceipt(AGENCY, 2023, 2, false, false, List.of());

    @Test
    void aNewVersionIs201AndUnchangedOrReplayedContent200() {
        assertEquals(201, DeliveryAnswers.status(new DeliveryOutcome.Created(RECEIPT)));
        assertEquals(200, DeliveryAnswers.status(new DeliveryOutcome.Unchanged(RECEIPT)));
        assertEquals(200, DeliveryAnswers.status(new DeliveryOutcome.Replayed(RECEIPT)));
        assertEquals("created", DeliveryAnswers.kind(new DeliveryOutcome.Created(RECEIPT)));
        assertEquals("unchanged", DeliveryAnswers.kind(new DeliveryOutcome.Unchanged(RECEIPT)));
        assertEquals("replayed", DeliveryAnswers.kind(new DeliveryOutcome.Replayed(RECEIPT)));
    }

    @Test
    void aLockedReportIs409ReportLockedNamingItsVersion() {
        var locked = new DeliveryOutcome.Locked(AGENCY, 2023, 3);
        Problem problem = DeliveryAnswers.problem(locked, PATH);
        assertEquals(409, DeliveryAnswers.status(locked));
        assertEquals("locked", DeliveryAnswers.kind(locked));
        assertEquals(Problem.TYPE_BASE + "report-locked", problem.type());
        assertEquals("Conflict", problem.title());
        assertEquals(
                "The report of " + AGENCY + " for 2023 is approved and locked at version 3; a supervisor must reopen"
                        + " it before it can be corrected",
                problem.detail());
        assertEquals(PATH, problem.instance());
        assertEquals(Map.of("version", 3), problem.extensions());
    }

    @Test
    void aStaleIfMatchIs412NamingTheCurrentVersion() {
        var mismatch = new DeliveryOutcome.VersionMismatch(1, 2);
        Problem problem = DeliveryAnswers.problem(mismatch, PATH);
        assertEquals(412, problem.status());
        assertEquals("refused", DeliveryAnswers.kind(mismatch));
        assertEquals(Problem.TYPE_BASE + "version-mismatch", problem.type());
        assertEquals("Precondition failed", problem.title());
        assertEquals(
                "If-Match expected version 1 but the report is at version 2; read it again and resubmit your"
                        + " correction",
                problem.detail());
        assertEquals(Map.of("currentVersion", 2), problem.extensions());
    }

    @Test
    void aCorrectionWithoutItsReasonIs422() {
        Problem problem = DeliveryAnswers.problem(new DeliveryOutcome.CorrectionReasonMissing(AGENCY, 2023, 4), PATH);
        assertEquals(422, problem.status());
        assertEquals(Problem.TYPE_BASE + "correction-reason-required", problem.type());
        assertEquals(
                "The report of " + AGENCY + " for 2023 already has version 4; a correction must say why in"
                        + " correctionReason",
                problem.detail());
        assertEquals(Map.of("currentVersion", 4), problem.extensions());
    }

    @Test
    void aReusedDeliveryKeyIs409AndAnUnknownAgency422() {
        Problem reused = DeliveryAnswers.problem(new DeliveryOutcome.KeyReused("k-1"), PATH);
        assertEquals(409, reused.status());
        assertEquals(Problem.TYPE_BASE + "delivery-key-reused", reused.type());
        assertEquals(
                "Delivery key k-1 was already used for another report; each delivery needs its own key",
                reused.detail());
        Problem unknown = DeliveryAnswers.problem(new DeliveryOutcome.UnknownAgency(AGENCY), PATH);
        assertEquals(422, unknown.status());
        assertEquals("refused", DeliveryAnswers.kind(new DeliveryOutcome.UnknownAgency(AGENCY)));
        assertEquals(Problem.TYPE_BASE + "unknown-agency", unknown.type());
        assertEquals(
                "No agency " + AGENCY + " in the registry; register it with PUT /api/v1/agencies/" + AGENCY,
                unknown.detail());
    }

    @Test
    void anInvalidDeliveryKeepsItsOwnProblemAboutTheDeliveryPath() {
        Problem own = ProblemException.badRequest("delivery-key-required", "Header 'Delivery-Key' is required")
                .with("hint", "1 to 200 characters")
                .toProblem(null);
        var invalid = new DeliveryOutcome.Invalid(own);
        assertEquals(400, DeliveryAnswers.status(invalid));
        assertEquals("refused", DeliveryAnswers.kind(invalid));
        assertEquals(own.at(PATH), DeliveryAnswers.problem(invalid, PATH));
        assertEquals(own.at(PATH), DeliveryAnswers.refusal(invalid).toProblem(PATH));
    }
}
