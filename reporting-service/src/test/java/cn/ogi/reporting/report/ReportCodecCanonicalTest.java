package cn.ogi.reporting.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.reporting.TestReports;
import org.junit.jupiter.api.Test;

/**
 * A version's canonical JSON and content hash from one serialisation ({@link ReportCodec#canonical}) are what the
 * two separate computations give: the hash leaves the correction reason out, the JSON keeps it.
 */
class ReportCodecCanonicalTest {

    private final ReportCodec codec = new ReportCodec();

    @Test
    void withoutACorrectionReasonTheHashIsOfTheCanonicalJsonItself() {
        AnnualReport report =
                TestReports.balanced2021("11371500MB28532216", 2023).build();

        ReportCodec.Canonical canonical = codec.canonical(report);

        assertEquals(codec.canonicalJson(report), canonical.json());
        assertEquals(codec.contentSha256(report), canonical.sha256());
    }

    @Test
    void withACorrectionReasonTheHashLeavesItOutAndTheJsonKeepsIt() {
        AnnualReport first =
                TestReports.balanced2021("11371500MB28532216", 2023).build();
        AnnualReport explained =
                ReportBuilder.from(first).correctionReason("only explained").build();

        ReportCodec.Canonical canonical = codec.canonical(explained);

        assertEquals(codec.canonicalJson(explained), canonical.json());
        assertNotEquals(codec.canonicalJson(first), canonical.json());
        assertEquals(codec.contentSha256(first), canonical.sha256());
    }
}
