package cn.ogi.intake.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.ogi.web.ProblemException;
import org.junit.jupiter.api.Test;

/** A batch line refused by its checks is labelled by what refused it, never all alike. */
class LineResultTest {

    @Test
    void anAgencyOutsideTheCallersJurisdictionIsForbidden() {
        assertEquals(
                LineResult.FORBIDDEN,
                LineResult.statusOf(ProblemException.of(403, "outside-jurisdiction", "Forbidden", "outside")));
    }

    @Test
    void aRegistryThatCannotBeFollowedIsUnavailable() {
        assertEquals(
                LineResult.UNAVAILABLE,
                LineResult.statusOf(
                        ProblemException.of(503, "registry-unavailable", "Service unavailable", "retry shortly")));
    }

    @Test
    void aConflictIsAConflictAndAnyOtherClientErrorInvalid() {
        assertEquals(LineResult.CONFLICT, LineResult.statusOf(ProblemException.conflict("x", "used")));
        assertEquals(LineResult.INVALID, LineResult.statusOf(ProblemException.badRequest("input-limit", "deep")));
        assertEquals(LineResult.INVALID, LineResult.statusOf(ProblemException.unprocessable("report-refused", "r")));
        assertEquals(LineResult.INVALID, LineResult.statusOf(ProblemException.of(413, "t", "Too large", "big")));
    }

    @Test
    void aServerSideFailureIsNotTheLinesOwnRefusal() {
        assertNull(LineResult.statusOf(ProblemException.of(500, "internal-error", "Internal error", "x")));
        assertNull(LineResult.statusOf(ProblemException.of(502, "bad-gateway", "Bad gateway", "x")));
    }
}
