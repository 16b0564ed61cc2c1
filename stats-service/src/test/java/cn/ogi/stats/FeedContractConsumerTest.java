package cn.ogi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.feed.ChangePages;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.ContractExamples;
import cn.ogi.stats.feed.FeedConsumer;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * stats' side of the feed contract (feed-contract/README.md): the contract's example of every event type, as the bytes
 * of a page, goes through the consumer's real code — the page read as the live source reads it, each payload into its
 * record, applied to the read model — and the read model shows what each example says. The producer's contract test
 * checks reporting-service against the same examples.
 */
@QuarkusTest
class FeedContractConsumerTest {

    private static final String AGENCY = "11510402MB28532216";

    @Inject
    FeedConsumer consumer;

    @Inject
    ObjectMapper json;

    @Inject
    Sql db;

    @Test
    void everyExampleEventIsUnderstoodAndReachesTheReadModel() {
        int applied = consumer.catchUp((after, limit) -> ChangePages.read(
                json,
                ContractExamples.pageOf(
                        after,
                        ChangeType.JURISDICTION_UPSERTED,
                        ChangeType.AGENCY_UPSERTED,
                        ChangeType.REPORT_VERSION_CREATED,
                        ChangeType.REPORT_APPROVED)));

        assertEquals(4, applied);
        assertEquals(
                "东区|county|510400",
                db.one(
                        "SELECT name || '|' || level || '|' || parent FROM jurisdiction" + " WHERE code = '510402'",
                        rs -> rs.getString(1)));
        assertEquals(
                "攀枝花市东区市场监督管理局|department|510402|2019|2030",
                db.one(
                        "SELECT name || '|' || kind || '|' || jurisdiction || '|' || reports_from || '|' || reports_until"
                                + " FROM agency WHERE code = ?",
                        rs -> rs.getString(1),
                        AGENCY));
        assertEquals(
                "2|2021|text|true|approved|2",
                db.one(
                        "SELECT version || '|' || edition || '|' || source || '|' || first_imported || '|' || status"
                                + " || '|' || approved_version FROM report WHERE agency_code = ? AND year = 2023",
                        rs -> rs.getString(1),
                        AGENCY));
        assertEquals(
                "CARRY-CHAIN|warning",
                db.one(
                        "SELECT rule || '|' || severity FROM report_finding WHERE agency_code = ? AND year = 2023",
                        rs -> rs.getString(1),
                        AGENCY));
        // the example's canonical report: 14 new applications, 398 licensing decisions
        var applications = AggregatesTest.query("applications", "510402", 2023, null);
        AggregatesTest.assertNumber(BigDecimal.valueOf(14), applications.get("total"), "newReceived");

        assertEquals(
                1,
                consumer.catchUp((after, limit) ->
                        ChangePages.read(json, ContractExamples.pageOf(after, ChangeType.REPORT_REOPENED))));
        assertEquals(
                "open|null",
                db.one(
                        "SELECT status || '|' || coalesce(approved_version::text, 'null') FROM report"
                                + " WHERE agency_code = ? AND year = 2023",
                        rs -> rs.getString(1),
                        AGENCY));
    }
}
