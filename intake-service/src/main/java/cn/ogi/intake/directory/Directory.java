package cn.ogi.intake.directory;

import cn.ogi.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * intake's copy of the registry, held in memory: agency code → jurisdiction. Loaded at start from the durable copy
 * ({@code known_agency}, so that intake checks agencies while reporting-service is down) and kept current by the
 * {@link DirectoryFollower} from reporting-service's change feed. A known agency is answered from memory — no
 * statement, no remote call, no lock. An agency not known yet may have been registered a moment ago: the request
 * then asks the follower for a round and waits for it, at most {@code intake.directory.unknown-wait}; one round
 * answers every request (and every line of a batch) that waits at the same time. Without a round that reached
 * reporting-service since the question, "no such agency" would be a guess: 503 {@code registry-unavailable}.
 */
@ApplicationScoped
public class Directory {

    @Inject
    DirectoryPages pages;

    @Inject
    DirectoryFollower follower;

    @Inject
    DirectorySettings settings;

    private final Map<String, String> jurisdictions = new ConcurrentHashMap<>();

    /** The feed position the memory holds everything up to. */
    private volatile long cursor;

    void start(@Observes StartupEvent started) {
        DirectoryPages.Snapshot copy = pages.load();
        jurisdictions.putAll(copy.agencies());
        cursor = copy.cursor();
        if (settings.follow()) {
            follower.start(this);
        }
    }

    @PreDestroy
    void stop() {
        follower.stop();
    }

    /**
     * What one request (or one whole batch) has waited for: after the first unknown agency it asked about, the
     * outcome of the follower round that started after the question — later unknown agencies of the same batch
     * are answered from that round without waiting again.
     */
    public final class Asking {

        private CompletableFuture<Boolean> round;

        /**
         * The agency's jurisdiction, or empty when the registry has no such agency; 503 {@code registry-unavailable}
         * when that cannot be established (reporting-service not reached by a round since the question).
         */
        public Optional<String> jurisdictionOf(String code) {
            String known = jurisdictions.get(code);
            if (known != null || !settings.follow()) {
                return Optional.ofNullable(known); // not following (tests): the local copy is all there is
            }
            if (round == null) {
                round = follower.nextRound();
            }
            if (reached(round)) {
                return Optional.ofNullable(jurisdictions.get(code));
            }
            throw ProblemException.of(
                    503,
                    "registry-unavailable",
                    "Service unavailable",
                    "Agency " + code + " is not in intake's copy of the registry, and intake could not follow the "
                            + "registry to its end within "
                            + settings.unknownWait().toMillis() + " ms to make sure "
                            + "(reporting-service away or slow); retry shortly");
        }
    }

    /** A new question (a single submission, a dry run, one batch). */
    public Asking asking() {
        return new Asking();
    }

    /** The agency's jurisdiction as one question: {@link Asking#jurisdictionOf}. */
    public Optional<String> jurisdictionOf(String code) {
        return asking().jurisdictionOf(code);
    }

    private boolean reached(CompletableFuture<Boolean> round) {
        try {
            return round.get(settings.unknownWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes in the agencies of one applied page; called by the follower after the page was committed. */
    void learned(Map<String, String> agencies, long upTo) {
        jurisdictions.putAll(agencies);
        cursor = Math.max(cursor, upTo);
    }

    /** Puts an agency in memory, as the follower does (tests that fill the durable copy by hand). */
    public void remember(String code, String jurisdiction) {
        jurisdictions.put(code, jurisdiction);
    }

    long cursor() {
        return cursor;
    }

    /** How many agencies are held (readiness data). */
    public int size() {
        return jurisdictions.size();
    }

    public boolean following() {
        return settings.follow();
    }
}
