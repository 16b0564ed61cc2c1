package cn.ogi.stats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.stats.model.CompletenessRules.DecidedBy;
import cn.ogi.stats.query.Deadlines;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which date decides a first version's lateness: publishedOn within the grace (or imported history), else receipt. */
class CompletenessRulesTest {

    private static final CompletenessRules RULES = new CompletenessRules(
            MonthDay.of(1, 31), MonthDay.of(3, 31), ZoneId.of("Asia/Shanghai"), Deadlines.Basis.PUBLISHED_ON, 30);

    @Test
    void aStatedDateWithinTheGraceBeforeReceiptDecides() {
        var judged = RULES.judge(
                "department",
                2023,
                OffsetDateTime.parse("2024-02-20T10:00:00+08:00"),
                LocalDate.of(2024, 1, 25),
                false);
        assertEquals(LocalDate.of(2024, 1, 25), judged.filedOn());
        assertEquals(DecidedBy.PUBLISHED_ON, judged.decidedBy());
        assertEquals(LocalDate.of(2024, 2, 20), judged.receivedOn());
        assertFalse(judged.late());
    }

    @Test
    void aStatedDateLongerBeforeReceiptThanTheGraceIsNotTrustedUnlessImportedHistory() {
        OffsetDateTime received = OffsetDateTime.parse("2025-06-01T10:00:00+08:00");
        var alone = RULES.judge("department", 2023, received, LocalDate.of(2024, 1, 15), false);
        assertEquals(DecidedBy.RECEIVED, alone.decidedBy());
        assertEquals(LocalDate.of(2025, 6, 1), alone.filedOn());
        assertTrue(alone.late());

        var imported = RULES.judge("department", 2023, received, LocalDate.of(2024, 1, 15), true);
        assertEquals(DecidedBy.PUBLISHED_ON, imported.decidedBy());
        assertFalse(imported.late());
    }

    @Test
    void theGraceCountsWholeDaysInTheDeadlineZone() {
        OffsetDateTime received = OffsetDateTime.parse("2024-03-01T16:30:00Z"); // 2 March 00:30 in Shanghai
        assertEquals(
                DecidedBy.PUBLISHED_ON,
                RULES.judge("department", 2023, received, LocalDate.of(2024, 2, 1), false)
                        .decidedBy(),
                "1 February is 30 days before 2 March");
        assertEquals(
                DecidedBy.RECEIVED,
                RULES.judge("department", 2023, received, LocalDate.of(2024, 1, 31), false)
                        .decidedBy(),
                "31 January is 31 days before 2 March (in UTC it would be 30 before 1 March)");
    }

    @Test
    void aDateAfterReceiptNeverCountsEvenForImportedHistory() {
        var judged = RULES.judge(
                "government", 2023, OffsetDateTime.parse("2024-03-31T12:00:00+08:00"), LocalDate.of(2024, 4, 2), true);
        assertEquals(DecidedBy.RECEIVED, judged.decidedBy());
        assertFalse(judged.late(), "received on the governments' deadline day");
    }

    @Test
    void byReceiptTheStatedDateNeverCounts() {
        CompletenessRules byReceipt = new CompletenessRules(
                MonthDay.of(1, 31), MonthDay.of(3, 31), ZoneId.of("Asia/Shanghai"), Deadlines.Basis.RECEIVED, 30);
        var judged = byReceipt.judge(
                "department", 2023, OffsetDateTime.parse("2024-02-02T10:00:00+08:00"), LocalDate.of(2024, 1, 20), true);
        assertEquals(DecidedBy.RECEIVED, judged.decidedBy());
        assertTrue(judged.late());
    }

    @Test
    void unknownKindsHaveTheGovernmentsDeadlineAndTheFingerprintNamesEveryRule() {
        assertEquals(LocalDate.of(2024, 3, 31), RULES.due(null, 2023));
        assertEquals(LocalDate.of(2024, 1, 31), RULES.due("department", 2023));
        assertNotEquals(
                RULES.fingerprint(),
                new CompletenessRules(
                                MonthDay.of(1, 31),
                                MonthDay.of(3, 31),
                                ZoneId.of("Asia/Shanghai"),
                                Deadlines.Basis.PUBLISHED_ON,
                                31)
                        .fingerprint());
    }
}
