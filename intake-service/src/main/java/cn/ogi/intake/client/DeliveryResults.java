package cn.ogi.intake.client;

import cn.ogi.feed.VersionReceipt;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * reporting-service's answer to a batched delivery: one result per item, in the batch's order, with the status and
 * receipt (or problem) the single endpoint would have answered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryResults(List<Result> results) {

    public DeliveryResults {
        results = results == null ? List.of() : List.copyOf(results);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String deliveryKey, String outcome, int status, VersionReceipt receipt, JsonNode problem) {}
}
