package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.VersionSubmission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/deliveries}: deliveries, each as the single endpoint takes it. */
@Schema(name = "DeliveryBatch", example = """
        {"deliveries": [
          {"deliveryKey": "0b6f3c4e-5d1a-4f7e-9a2b-3c4d5e6f7a8b", "agencyCode": "11371500MB28532216", "year": 2023,
           "submission": {"report": {"agencyCode": "11371500MB28532216", "year": 2023, "edition": "2021", "…": "…"},
                          "source": "api", "submittedBy": "liaocheng-ogi-system",
                          "submittedAt": "2024-01-20T08:00:00Z"}},
          {"deliveryKey": "6a1d…", "agencyCode": "11371500MB28532216", "year": 2022, "ifMatch": "\\"1\\"",
           "submission": {"report": {"…": "…", "correctionReason": "recounted"}, "source": "api",
                          "submittedBy": "liaocheng-ogi-system"}}]}""")
public record DeliveryBatchRequest(@Schema(required = true) List<Item> deliveries) {

    public DeliveryBatchRequest {
        // a null item is answered as refused, so the copy keeps nulls (List.copyOf would not)
        deliveries = deliveries == null ? null : Collections.unmodifiableList(new ArrayList<>(deliveries));
    }

    /** One delivery: the single endpoint's Delivery-Key, path, If-Match and body. */
    @Schema(name = "DeliveryBatchItem")
    public record Item(
            @Schema(
                    description = "As the Delivery-Key header: 1 to 200 characters, unique per delivery",
                    required = true)
            String deliveryKey,

            @Schema(required = true) String agencyCode,

            @Schema(required = true) Integer year,

            @Schema(description = "As the If-Match header: the version the correction expects, e.g. \"3\"")
            String ifMatch,

            @Schema(description = "As the body of POST /api/v1/reports/{agencyCode}/{year}/versions", required = true)
            VersionSubmission submission,

            @Schema(
                    description = "As the traceparent header (W3C Trace Context) of a single delivery: the trace "
                            + "this delivery continues (intake's relay sends the span delivering it). Optional; a "
                            + "malformed value is ignored",
                    example = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            String traceparent) {}
}
