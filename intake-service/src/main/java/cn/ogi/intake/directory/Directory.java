package cn.ogi.intake.directory;

import cn.ogi.intake.client.ChangePage;
import cn.ogi.intake.client.ReportingClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownAgency> agency(String code) {
        return KnownAgency.findByIdOptional(code);
    }

    /** The agency, catching up with the feed once if it is not known yet (it may have just been registered). */
    public Optional<KnownAgency> agencyCatchingUp(String code) {
        Optional<KnownAgency> known = agency(code);
        if (known.isEmpty() && catchUp()) {
            return agency(code);
        }
        return known;
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
