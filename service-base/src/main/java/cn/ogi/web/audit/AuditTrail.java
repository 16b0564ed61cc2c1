package cn.ogi.web.audit;

import cn.ogi.web.Caller;
import cn.ogi.web.auth.Scope;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Records every write in the service's append-only {@code audit_event} table: who (subject, roles,
 * jurisdiction claim), what (action, target type and key, and the target's jurisdiction so that
 * supervisors can read their part), when, and the client address.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<Caller> caller;

    @Inject
    Instance<HttpServerRequest> request;

    /** What was done to what; {@code targetJurisdiction} may be null (e.g. a whole-registry import). */
    public record Entry(
            String action,
            String targetType,
            String targetKey,
            String targetJurisdiction,
            Map<String, Object> detail) {}

    /** Who did it, when no request carries a token (the relay acting for a submitter, a streamed batch). */
    public record Actor(String subject, String roles, String jurisdiction) {

        public static Actor of(Scope scope) {
            return new Actor(
                    scope.subject(), String.join(",", new java.util.TreeSet<>(scope.roles())), scope.jurisdiction());
        }
    }

    /** Records the current caller's write in the current transaction: it commits or rolls back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry entry) {
        insert(currentActor(), List.of(entry), clientAddress());
    }

    /** Records in its own transaction: a refusal (the refused write rolls back), or work done outside one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(Entry entry) {
        insert(currentActor(), List.of(entry), clientAddress());
    }

    /** Records a write done on someone's behalf outside a request (e.g. the outbox relay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFor(Actor actor, Entry entry) {
        insert(actor, List.of(entry), clientAddress());
    }

    /** Records many writes of one actor at once (a batch chunk), in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAllFor(Actor actor, List<Entry> entries) {
        insert(actor, entries, clientAddress());
    }

    /** One write and who did it, for {@link #recordAll}. */
    public record Recorded(Actor actor, Entry entry) {}

    /**
     * Records many writes, each of its own actor (a batch of deliveries, each on behalf of its submitter), in the
     * current transaction: one statement batch, one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Recorded> records) {
        insert(records, clientAddress());
    }

    /** Records a refusal of the given actor in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusalFor(Actor actor, Entry entry) {
        insert(actor, List.of(entry), clientAddress());
    }

    /** Records many refusals of one actor (the refused lines of a batch chunk) in their own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusalsFor(Actor actor, List<Entry> entries) {
        insert(actor, entries, clientAddress());
    }

    private Actor currentActor() {
        return Actor.of(caller.get().scope());
    }

    /**
     * The address of the current request's client, null outside a request: for a write that puts its audit row in
     * its own statement (intake's submissions: the submission, its outbox entry and its audit row in one).
     */
    public String clientAddress() {
        if (!Arc.container().requestContext().isActive() || !request.isResolvable()) {
            return null;
        }
        var address = request.get().remoteAddress();
        return address == null ? null : address.hostAddress();
    }

    /** On the transaction's connection, so that it works in services with or without JPA entities. */
    private void insert(Actor actor, List<Entry> entries, String clientAddress) {
        insert(entries.stream().map(entry -> new Recorded(actor, entry)).toList(), clientAddress);
    }

    private void insert(List<Recorded> records, String clientAddress) {
        sql.batch(
                """
                INSERT INTO audit_event (subject, roles, caller_jurisdiction, action, target_type, target_key,
                    target_jurisdiction, client_address, detail)
                VALUES (:subject, :roles, :callerJurisdiction, :action, :targetType, :targetKey,
                    :targetJurisdiction, :clientAddress, CAST(:detail AS jsonb))""",
                records,
                (recorded, row) -> row.bind("subject", recorded.actor().subject())
                        .bind("roles", recorded.actor().roles())
                        .bind("callerJurisdiction", recorded.actor().jurisdiction())
                        .bind("action", recorded.entry().action())
                        .bind("targetType", recorded.entry().targetType())
                        .bind("targetKey", recorded.entry().targetKey())
                        .bind("targetJurisdiction", recorded.entry().targetJurisdiction())
                        .bind("clientAddress", clientAddress)
                        .bind("detail", toJson(recorded.entry().detail())));
    }

    /** An entry's detail as the {@code detail} column holds it (JSON text), for a write that inserts its own row. */
    public String detailJson(Map<String, Object> detail) {
        return toJson(detail);
    }

    private String toJson(Map<String, Object> detail) {
        try {
            return detail == null ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
