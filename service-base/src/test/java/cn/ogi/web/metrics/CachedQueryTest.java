package cn.ogi.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The database side is covered by each service's metrics test (real PostgreSQL); here: caching and outages. */
class CachedQueryTest {

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private CachedQuery unreachable() {
        return new CachedQuery(
                () -> {
                    opened.incrementAndGet();
                    throw new SQLException("Connection refused", "08001");
                },
                "SELECT 1, 2",
                2,
                Duration.ofSeconds(5),
                now::get);
    }

    @Test
    void anUnreachableDatabaseReadsNotANumberInsteadOfFailing() {
        CachedQuery query = unreachable();
        assertTrue(Double.isNaN(query.value(1)));
        assertTrue(Double.isNaN(query.value(2)));
    }

    @Test
    void readsAtMostOncePerMaxAgeWhateverTheScrapes() {
        CachedQuery query = unreachable();
        query.value(1);
        query.value(2);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        query.value(1);
        assertEquals(1, opened.get(), "within five seconds: one read");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        query.value(1);
        assertEquals(2, opened.get(), "five seconds later: read again");
    }
}
