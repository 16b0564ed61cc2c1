package cn.ogi.intake.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a batched delivery (reporting-service's {@code POST /api/v1/deliveries}): each item is what the single
 * endpoint takes — its Delivery-Key, path, If-Match and body.
 */
public record DeliveryBatch(List<Item> deliveries) {

    public DeliveryBatch {
        deliveries = List.copyOf(deliveries);
    }

    public record Item(
            String deliveryKey,
            String agencyCode,
            int year,
            @JsonInclude(JsonInclude.Include.NON_NULL) String ifMatch,
            VersionDelivery submission,
            // the trace this delivery continues (W3C traceparent), as the single endpoint's header would carry it
            @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {}
}
