package cn.ogi.intake.directory;

import cn.ogi.intake.client.ChangePage;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Applies one page of registry events and moves the cursor, in one transaction. */
@ApplicationScoped
public class DirectoryPages {

    @Inject
    EntityManager em;

    long cursor() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM directory_cursor WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    void apply(ChangePage page) {
        // Lock the cursor: two instances (or the scheduler and a catch-up) apply a page once.
        long at = ((Number) em.createNativeQuery("SELECT last_seq FROM directory_cursor WHERE id = 1 FOR UPDATE")
                        .getSingleResult())
                .longValue();
        if (at != page.after()) {
            return;
        }
        for (ChangePage.Event event : page.events()) {
            switch (event.type()) {
                case "jurisdiction.upserted" -> {
                    KnownJurisdiction j = new KnownJurisdiction();
                    j.code = Directory.text(event.payload(), "code");
                    j.name = Directory.text(event.payload(), "name");
                    j.parent = Directory.text(event.payload(), "parent");
                    em.merge(j);
                }
                case "agency.upserted" -> {
                    KnownAgency a = new KnownAgency();
                    a.code = Directory.text(event.payload(), "code");
                    a.name = Directory.text(event.payload(), "name");
                    a.kind = Directory.text(event.payload(), "kind");
                    a.jurisdiction = Directory.text(event.payload(), "jurisdiction");
                    em.merge(a);
                }
                default -> {
                    // Other event types are not intake's business.
                }
            }
        }
        em.flush();
        em.createNativeQuery("UPDATE directory_cursor SET last_seq = ?1 WHERE id = 1")
                .setParameter(1, Math.max(page.lastSeq(), at))
                .executeUpdate();
    }

    /** Lets configuration switch the scheduled follower off (e.g. in tests that drive it). */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @ConfigProperty(name = "intake.directory.follow", defaultValue = "true")
        boolean follow;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !follow;
        }
    }
}
