package cn.ogi.stats.feed;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.PollingLoop;
import cn.ogi.web.tracing.Spans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Follows the change feed: fetch a page after the stored cursor, apply it (events and cursor in one
 * transaction, see {@link ReadModelWriter#apply}), repeat while pages are full. A failed page is
 * retried at the next tick from the cursor, which did not move. Ticks come from a {@link PollingLoop}
 * ({@code stats.feed.poll-interval} after the previous tick ended; sub-second intervals hold).
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    @Inject
    ReadModelWriter writer;

    @Inject
    ReportingFeed reporting;

    @Inject
    Spans spans;

    @Inject
    FeedSettings settings;

    private PollingLoop loop;

    /** Fetches the next page while the current one is applied (one thread: pages come in order). */
    private final ExecutorService prefetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-feed-prefetch");
        t.setDaemon(true);
        return t;
    });

    synchronized void start(@Observes StartupEvent started) {
        if (settings.enabled()) {
            loop = PollingLoop.start(
                    "stats-feed-consumer", settings.initialDelay(), settings.pollInterval(), this::poll);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (loop != null) {
            loop.close();
        }
        prefetcher.shutdownNow();
    }

    /** One tick of the loop, which runs only when {@code stats.feed.enabled}. */
    void poll() {
        poll(reporting.pages());
    }

    /**
     * Polls until caught up: a poll that stopped after {@code stats.feed.max-pages-per-poll} full pages is followed
     * by the next at once, not after the poll interval — while catching up (a new instance, the national rebuild
     * from the feed) the interval was idle time after every max-pages-per-poll pages.
     */
    void poll(FeedSource source) {
        try {
            while (drain(source).more() && !Thread.currentThread().isInterrupted()) {
                LOG.debug("change feed: more after a full poll, polling again at once");
            }
        } catch (FeedBehindCursor e) {
            LOG.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("change feed poll failed, will retry from the stored cursor: %s", e.toString());
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Applies pages from the source until a page is not full, at most {@code stats.feed.max-pages-per-poll} of them;
     * returns the number of events applied. While a page
     * is applied the next one is already fetched (and read) on another thread, so that the database and the HTTP
     * round trip of the feed overlap; a page fetched for nothing (another instance applied it) changes nothing.
     */
    public int catchUp(FeedSource source) {
        return drain(source).applied();
    }

    /** What one poll applied, and whether it stopped at the page limit on a full page (more may follow). */
    private record Drained(int applied, boolean more) {}

    private Drained drain(FeedSource source) {
        int applied = 0;
        boolean more = false;
        long cursor = writer.cursor();
        int pageSize = settings.pageSize();
        int maxPagesPerPoll = settings.maxPagesPerPoll();
        Future<ChangePage> next = prefetcher.submit(() -> source.page(cursor, pageSize));
        long after = cursor;
        for (int i = 0; i < maxPagesPerPoll; i++) {
            ChangePage page = await(next);
            if (page.latestSeq() < after) {
                throw new FeedBehindCursor(after, page.latestSeq());
            }
            boolean full = page.events().size() >= pageSize;
            long resume = Math.max(page.lastSeq(), after);
            next = full && i + 1 < maxPagesPerPoll ? prefetcher.submit(() -> source.page(resume, pageSize)) : null;
            applied += applyTraced(page);
            after = resume;
            if (!full) {
                break;
            }
            more = i + 1 == maxPagesPerPoll;
        }
        if (next != null) {
            next.cancel(true);
        }
        return new Drained(applied, more);
    }

    /**
     * Applies a page, each event that carries a traceparent in an apply span continuing the trace of the write that
     * made it (the page is applied in one transaction, so its spans begin and end together, with its commit).
     */
    private int applyTraced(ChangePage page) {
        List<Span> applying = new ArrayList<>();
        for (ChangeEvent event : page.events()) {
            if (event.traceparent() != null) {
                Span span = spans.continuing("stats apply", SpanKind.CONSUMER, event.traceparent())
                        .startSpan();
                span.setAttribute("ogi.feed.seq", event.seq());
                span.setAttribute("ogi.feed.type", String.valueOf(event.type()));
                span.setAttribute("ogi.feed.key", String.valueOf(event.key()));
                applying.add(span);
            }
        }
        try {
            return writer.apply(page.events(), page.latestSeq());
        } catch (RuntimeException e) {
            applying.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            applying.forEach(Span::end);
        }
    }

    private static ChangePage await(Future<ChangePage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the change feed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("fetching the change feed failed", e.getCause());
        }
    }

    /**
     * reporting-service's feed ends before our cursor: its database was reset or restored from an older backup.
     * Applying its new events would skip the ones numbered up to our cursor, so nothing is applied until an
     * operator resets the read model (drop the stats database, or rebuild with source=feed after it caught up).
     */
    public static class FeedBehindCursor extends IllegalStateException {
        public FeedBehindCursor(long cursor, long latest) {
            super("reporting-service's change feed ends at seq " + latest + ", before stats' cursor " + cursor
                    + ": the feed was reset; consuming stopped (see README, consumer)");
        }
    }

    /** reporting-service's newest seq, asked live (freshness?live=true). */
    public long latestSeqLive(long after) {
        return reporting.latestSeq(after);
    }
}
