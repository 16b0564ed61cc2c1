package cn.ogi.stats.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.stats.TestFeed;
import cn.ogi.stats.TestReports;
import cn.ogi.stats.model.ReadModelWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Catching up: a poll applies at most stats.feed.max-pages-per-poll pages, and one that stopped there with a full
 * page is followed by the next at once — the loop waits its interval only once it has caught up.
 */
@QuarkusTest
@TestProfile(FeedCatchUpTest.OnePageOfTwoAPoll.class)
class FeedCatchUpTest {

    public static class OnePageOfTwoAPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stats.feed.page-size", "2", "stats.feed.max-pages-per-poll", "1");
        }
    }

    @Inject
    ReadModelWriter writer;

    @Inject
    FeedConsumer consumer;

    @Test
    void aPollThatStoppedAtItsPageLimitIsFollowedByTheNextAtOnce() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String agency = TestFeed.newAgencyCode(tree.counties().get(0));
        List<ChangeEvent> events = new ArrayList<>();
        events.add(feed.agency(agency, "追赶单位", "department", tree.counties().get(0), null, null));
        for (int year = 2019; year <= 2024; year++) {
            events.add(feed.version(TestReports.varied(agency, year, 1).build(), 1, year + 1 + "-01-05T00:00:00Z"));
        }
        long last = events.get(events.size() - 1).seq();
        FeedSource source = (after, limit) -> {
            List<ChangeEvent> page =
                    events.stream().filter(e -> e.seq() > after).limit(limit).toList();
            return new ChangePage(
                    after,
                    page,
                    page.isEmpty() ? after : page.get(page.size() - 1).seq(),
                    last);
        };

        assertEquals(2, consumer.catchUp(source), "one poll: one page of two");
        consumer.poll(source);

        assertEquals(last, writer.cursor(), "the rest in polls one after the other, without waiting between them");
    }
}
