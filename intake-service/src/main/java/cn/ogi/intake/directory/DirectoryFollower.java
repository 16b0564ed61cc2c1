package cn.ogi.intake.directory;

import cn.ogi.feed.ChangePage;
import cn.ogi.feed.ChangeType;
import cn.ogi.intake.client.ReportingClient;
import cn.ogi.web.PollingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Follows the registry part of reporting-service's change feed on a {@link PollingLoop} of its own: a round every
 * {@code intake.directory.interval}, and at once (the loop woken) when a request asks about an agency not known yet. A round reads
 * pages until the feed has no more, applies each to the durable copy (with its cursor, one transaction) and then to
 * the memory. Requests never call reporting-service themselves: they wait for the outcome of the next round.
 */
@ApplicationScoped
public class DirectoryFollower {

    private static final Logger LOG = Logger.getLogger(DirectoryFollower.class);
    static final String TYPES =
            ChangeType.JURISDICTION_UPSERTED.wireName() + "," + ChangeType.AGENCY_UPSERTED.wireName();
    static final int PAGE = 1000;

    @Inject
    @RestClient
    ReportingClient reporting;

    @Inject
    DirectoryPages pages;

    @Inject
    DirectorySettings settings;

    /** The outcome of the round that starts next: true when it reached the end of the feed. */
    private final AtomicReference<CompletableFuture<Boolean>> next = new AtomicReference<>(new CompletableFuture<>());

    private volatile PollingLoop loop;
    private volatile Instant lastCaughtUp;

    synchronized void start(Directory directory) {
        if (loop == null) {
            loop = PollingLoop.start("directory-follower", Duration.ZERO, settings.interval(), () -> round(directory));
        }
    }

    synchronized void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    /** The outcome of a round that starts after this call; asks for it to start now. */
    CompletableFuture<Boolean> nextRound() {
        CompletableFuture<Boolean> round = next.get();
        PollingLoop running = loop;
        if (running != null) {
            running.wake(); // the next round at once, not after the interval
        }
        return round;
    }

    /** When a round last reached the end of the feed (null: not since the start). */
    public Instant lastCaughtUp() {
        return lastCaughtUp;
    }

    /** One round; the questions asked before it started are answered by its outcome (a failed round: false). */
    private void round(Directory directory) {
        CompletableFuture<Boolean> round = next.getAndSet(new CompletableFuture<>());
        boolean reached = false;
        try {
            reached = catchUp(directory);
        } finally {
            round.complete(reached);
        }
    }

    /** Applies every registry event not yet seen; false when reporting-service could not be reached. */
    private boolean catchUp(Directory directory) {
        try {
            while (true) {
                ChangePage page = reporting.changes(directory.cursor(), PAGE, TYPES);
                directory.learned(pages.apply(page), page.lastSeq());
                if (page.events().size() < PAGE) {
                    lastCaughtUp = Instant.now();
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("registry feed not reachable: %s", e.getMessage());
            return false;
        }
    }
}
