package cn.ogi.intake.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.feed.ChangePage;
import cn.ogi.feed.ContractExamples;
import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.rules.Severity;
import cn.ogi.intake.TestAgencies;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * intake's side of the feed contract (feed-contract/README.md): a page of every example event, read as the REST
 * client reads reporting-service's answer (the application's Jackson), is applied by the directory's real code — the
 * durable copy and the memory — and the example receipt reads into what the relay keeps. The producer's contract
 * test checks reporting-service against the same examples.
 */
@QuarkusTest
class DirectoryContractTest {

    private static final String AGENCY = "11510402MB28532216";

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryPages pages;

    @Inject
    Directory directory;

    @Inject
    TestAgencies agencies;

    @Test
    void everyExampleEventIsUnderstoodAndTheRegistryOnesReachTheCopyAndTheMemory() throws Exception {
        long cursor = agencies.count("SELECT last_seq FROM directory_cursor WHERE id = 1");
        ChangePage page = json.readValue(ContractExamples.pageOfEveryEvent(cursor), ChangePage.class);

        Map<String, String> learned = pages.apply(page);
        directory.learned(learned, page.lastSeq());

        assertEquals(Map.of(AGENCY, "510402"), learned, "the agency and its jurisdiction, for the memory");
        assertEquals(Optional.of("510402"), directory.jurisdictionOf(AGENCY));
        assertEquals(
                "攀枝花市东区市场监督管理局|department|510402",
                agencies.text("SELECT name || '|' || kind || '|' || jurisdiction FROM known_agency WHERE code = '"
                        + AGENCY + "'"));
        assertEquals(
                "东区|510400",
                agencies.text("SELECT name || '|' || parent FROM known_jurisdiction WHERE code = '510402'"));
        assertEquals(page.lastSeq(), agencies.count("SELECT last_seq FROM directory_cursor WHERE id = 1"));
    }

    @Test
    void theExampleReceiptReadsIntoTheRecordTheRelayKeeps() throws Exception {
        VersionReceipt receipt =
                json.readValue(ContractExamples.bytes(ContractExamples.versionReceipt()), VersionReceipt.class);

        assertEquals(AGENCY, receipt.agencyCode());
        assertEquals(2023, receipt.year());
        assertEquals(2, receipt.version());
        assertEquals("CARRY-CHAIN", receipt.findings().get(0).rule());
        assertEquals(Severity.WARNING, receipt.findings().get(0).severity());
    }
}
