package cn.ogi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.stats.feed.ChangeFeedClient;
import cn.ogi.stats.feed.FeedConsumer;
import cn.ogi.stats.feed.FeedSource;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consumer loop over HTTP: pages through the feed with the real client and applies each event once. */
@QuarkusTest
class FeedConsumerTest {

    @Inject
    ReadModelWriter writer;

    @Inject
    FeedConsumer consumer;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/stub-reporting")
    URL stub;

    @Test
    void theConsumerPagesThroughTheFeedAndAppliesEveryEventExactlyOnce() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String agency = TestFeed.newAgencyCode(tree.counties().get(0));
        List<ChangeEvent> events = new ArrayList<>();
        events.add(feed.agency(agency, "接口单位", "department", tree.counties().get(0), null, null));
        List<AnnualReport> reports = new ArrayList<>();
        for (int year = 2019; year <= 2024; year++) {
            AnnualReport report = TestReports.varied(agency, year, year - 2000).build();
            reports.add(report);
            events.add(feed.version(report, 1, year + 1 + "-01-05T00:00:00Z"));
        }
        StubReportingResource.EVENTS.clear();
        StubReportingResource.EVENTS.addAll(events);
        ChangeFeedClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stub.toString()))
                .build(ChangeFeedClient.class);

        // the consumer's own source: pages read from their bytes, payloads kept as received for the event log
        int applied = consumer.catchUp(FeedSource.of(client, json));
        int again = consumer.catchUp(FeedSource.of(client, json));
        // a page served twice (a retry after a lost answer) changes nothing
        ChangePage fromZero = client.changes(0, 1000);
        int replayed = writer.apply(fromZero.events(), fromZero.latestSeq());

        assertEquals(events.size(), applied);
        assertEquals(0, again);
        assertEquals(0, replayed);
        assertEquals(events.get(events.size() - 1).seq(), writer.cursor());
        var total = AggregatesTest.query("applications", tree.city(), null, null, 2019, 2024)
                .get("total");
        AggregatesTest.assertNumber(TestReports.sum(reports, "applications.newReceived.total"), total, "newReceived");
        AggregatesTest.assertNumber(
                BigDecimal.ZERO,
                AggregatesTest.query("fees", tree.city(), 2019, null).get("total"),
                "administrativeFees.amountWan");
    }

    @Test
    void aFeedThatEndsBeforeTheCursorIsRefusedInsteadOfSkippingItsEvents() {
        TestFeed feed = new TestFeed(writer);
        feed.newCity(0);
        long cursor = writer.cursor();
        ChangeEvent early = feed.jurisdiction("379900", "重置后的市", "city", TestFeed.PROVINCE);
        FeedSource reset = (after, limit) -> new ChangePage(after, List.of(), after, 1);

        assertThrows(FeedConsumer.FeedBehindCursor.class, () -> consumer.catchUp(reset));
        assertEquals(cursor, writer.cursor());
        assertEquals(1, writer.apply(List.of(early)), "the read model still takes events after the cursor");
    }
}
