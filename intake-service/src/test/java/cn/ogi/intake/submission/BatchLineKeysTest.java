package cn.ogi.intake.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import org.junit.jupiter.api.Test;

/** A batch line's key: its own, the batch's with the line number, else the content's from the canonical JSON. */
class BatchLineKeysTest {

    private final AnnualReport report = ReportBuilder.blank("2021", 2023)
            .agencyCode("11371500MB28532216")
            .applications("newReceived", "naturalPerson", 3)
            .applications("granted", "naturalPerson", 3)
            .correctionReason("a reason \"quoted\", 中文")
            .withComputedTotals()
            .build();
    private final String canonical = ReportJson.standard().canonicalString(report);

    @Test
    void theContentKeyIsTheHashOfTheReportsCanonicalForm() {
        assertEquals(
                "content:11371500MB28532216/2023/" + ReportJson.standard().sha256(report),
                BatchLineKeys.storedUnder(null, null, 7, report, canonical));
    }

    @Test
    void theLinesOwnKeyComesFirstThenTheBatchsWithTheLineNumber() {
        assertEquals("mine", BatchLineKeys.storedUnder("mine", "batch", 7, report, canonical));
        assertEquals("batch#7", BatchLineKeys.storedUnder(null, "batch", 7, report, canonical));
    }
}
