package cn.ogi.stats;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stands in for reporting-service's change feed (same path under /stub-reporting, same paging rules), so
 * that the real REST client and consumer loop are exercised over HTTP in tests.
 */
@Path("/stub-reporting/api/v1/changes")
@PermitAll
public class StubReportingResource {

    static final List<ChangeEvent> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger CALLS = new AtomicInteger();

    @GET
    @Operation(hidden = true) // a stand-in for reporting-service in tests, not part of the API
    public ChangePage changes(@QueryParam("after") long after, @QueryParam("limit") int limit) {
        CALLS.incrementAndGet();
        long latest = EVENTS.stream().mapToLong(ChangeEvent::seq).max().orElse(after);
        List<ChangeEvent> page =
                EVENTS.stream().filter(e -> e.seq() > after).limit(limit).toList();
        long last = page.size() < limit
                ? Math.max(latest, after)
                : page.get(page.size() - 1).seq();
        return new ChangePage(after, page, last, Math.max(latest, after));
    }
}
