package cn.ogi.reporting.rest;

import cn.ogi.reporting.metrics.ReportingMetrics;
import cn.ogi.reporting.report.DeliveryBatch;
import cn.ogi.reporting.report.DeliveryOutcome;
import cn.ogi.reporting.report.DeliveryRequest;
import cn.ogi.web.IfMatch;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.tracing.Traceparents;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Batched delivery: many versions in one call and one transaction, each answered as the single endpoint would. */
@Path("/api/v1/deliveries")
@Tag(name = "reports")
public class DeliveryResource {

    @Inject
    DeliveryBatch batch;

    @Inject
    ReportingMetrics metrics;

    @Inject
    DeliverySettings settings;

    @POST
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Operation(
            summary = "Deliver many versions at once (used by intake-service's relay)",
            description = "Each item is what POST /api/v1/reports/{agencyCode}/{year}/versions takes — deliveryKey "
                    + "(its Delivery-Key), agencyCode, year, ifMatch (its If-Match, optional) and submission (its "
                    + "body) — and gets the answer that endpoint would give, in the same order: outcome created, "
                    + "unchanged, replayed (the key was seen before: the same answer, no second version), locked "
                    + "(409 report-locked) or refused (the problem, e.g. 412 version-mismatch, 422 "
                    + "correction-reason-required), with status and receipt or problem. A refused item stores "
                    + "nothing and does not affect the others. An item's traceparent (optional, W3C Trace Context) is "
                    + "the trace its version continues: the change event of the version carries it on. All are stored in one transaction. At most "
                    + "reporting.delivery.max-batch items (413 batch-too-large); none is 400.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            description = "The deliveries, each the single endpoint's Delivery-Key, agency code, year, If-Match and"
                    + " body",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                            implementation = DeliveryBatchRequest.class),
                            examples =
                                    @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                                            name = "deliveries",
                                            summary = "One version delivered by intake's relay",
                                            value = "{\"deliveries\": [{\"deliveryKey\": \"intake-7f3c2a\","
                                                    + " \"agencyCode\": \"11371500MB28532216\", \"year\": 2023,"
                                                    + " \"submission\": {\"report\": {\"agencyCode\":"
                                                    + " \"11371500MB28532216\", \"year\": 2023, \"edition\":"
                                                    + " \"2021\", \"applications\": {\"newReceived\":"
                                                    + " {\"naturalPerson\": 14, \"total\": 14}}},"
                                                    + " \"source\": \"api\", \"submittedBy\":"
                                                    + " \"liaocheng-ogi-system\", \"submittedAt\":"
                                                    + " \"2024-01-20T08:00:00Z\"}}]}")))
    // items may carry published originals in base64, like single deliveries
    @CustomDeserialization(DeliveryReader.class)
    public DeliveryResults deliver(DeliveryBatchRequest body) {
        List<DeliveryBatchRequest.Item> items = body == null ? null : body.deliveries();
        if (items == null || items.isEmpty()) {
            throw ProblemException.badRequest(
                    "invalid-batch", "The body needs 'deliveries': a non-empty array of deliveries");
        }
        if (items.size() > settings.maxBatch()) {
            throw ProblemException.of(
                            413,
                            "batch-too-large",
                            "Payload too large",
                            "The batch holds " + items.size() + " deliveries; at most " + settings.maxBatch()
                                    + " are taken per call (reporting.delivery.max-batch)")
                    .with("maxBatch", settings.maxBatch());
        }
        List<DeliveryRequest> requests = new ArrayList<>(items.size());
        for (DeliveryBatchRequest.Item item : items) {
            requests.add(request(item));
        }
        List<DeliveryOutcome> outcomes = batch.deliverAll(requests);
        outcomes.forEach(outcome -> {
            if (outcome instanceof DeliveryOutcome.Stored stored) {
                metrics.delivered(stored.receipt());
            }
        });
        return DeliveryResults.of(requests, outcomes);
    }

    /** The checks the single endpoint makes of its path and headers, made of one item (a refusal is its answer). */
    private static DeliveryRequest request(DeliveryBatchRequest.Item item) {
        if (item == null) {
            return DeliveryRequest.refused(
                    null,
                    null,
                    null,
                    ProblemException.badRequest("invalid-batch", "A delivery of the batch is null, not an object")
                            .toProblem(null));
        }
        try {
            String key = DeliveryKeys.check(item.deliveryKey());
            if (item.agencyCode() == null || item.agencyCode().isBlank()) {
                throw ProblemException.badRequest("invalid-batch", "A delivery needs 'agencyCode'");
            }
            if (item.year() == null) {
                throw ProblemException.badRequest("invalid-batch", "A delivery needs 'year'");
            }
            return DeliveryRequest.of(
                    key,
                    item.agencyCode(),
                    Years.check("year", item.year()),
                    IfMatch.expectedVersion(item.ifMatch()),
                    item.submission(),
                    // as a malformed traceparent header is, a malformed one here is ignored (W3C Trace Context)
                    Traceparents.isWellFormed(item.traceparent()) ? item.traceparent() : null);
        } catch (ProblemException refused) {
            return DeliveryRequest.refused(item.deliveryKey(), item.agencyCode(), item.year(), refused.toProblem(null));
        }
    }
}
