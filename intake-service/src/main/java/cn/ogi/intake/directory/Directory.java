package cn.ogi.intake.directory;

import cn.ogi.intake.client.ChangePage;
import cn.ogi.intake.client.ReportingClient;
import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * intake's copy of the registry, followed from reporting-service's change feed (registry events
 * only). Each page is applied together with the cursor in one transaction.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);
    private static final String TYPES = "jurisdiction.upserted,agency.upserted";
    private static final int PAGE = 1000;

    @Inject
    @RestClient
    ReportingClient reporting;

    @Inject
    DirectoryPages pages;

    @ConfigProperty(name = "intake.directory.follow", defaultValue = "true")
    boolean following;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownAgency> agency(String code) {
        return KnownAgency.findByIdOptional(code);
    }

    /**
     * The agency, catching up with the feed once if it is not known yet (it may have just been registered). When
     * it is unknown and the registry cannot be reached to make sure, 503: "no such agency" would be a guess.
     */
    public Optional<KnownAgency> agencyCatchingUp(String code) {
        Optional<KnownAgency> known = agency(code);
        if (known.isPresent()) {
            return known;
        }
        if (catchUp()) {
            return agency(code);
        }
        if (following) {
            throw ProblemException.of(
                    503,
                    "registry-unavailable",
                    "Service unavailable",
                    "Agency " + code + " is not in intake's copy of the registry, and reporting-service cannot be "
                            + "reached to look it up; retry shortly");
        }
        return known; // not following (tests): the local copy is all there is
    }

    @Scheduled(
            every = "${intake.directory.interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DirectoryPages.Disabled.class)
    void follow() {
        catchUp();
    }

    /** Applies every registry event not yet seen; false when reporting-service could not be reached. */
    public synchronized boolean catchUp() {
        try {
            while (true) {
                ChangePage page = reporting.changes(pages.cursor(), PAGE, TYPES);
                pages.apply(page);
                if (page.events().size() < PAGE) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("registry feed not reachable: %s", e.getMessage());
            return false;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
