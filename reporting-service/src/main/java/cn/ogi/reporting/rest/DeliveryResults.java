package cn.ogi.reporting.rest;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.reporting.report.DeliveryOutcome;
import cn.ogi.reporting.report.DeliveryRequest;
import cn.ogi.web.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch of deliveries: one result per delivery, in their order, and the count of each outcome. */
@Schema(name = "DeliveryResults", example = """
        {"results": [
          {"deliveryKey": "0b6f3c4e-5d1a-4f7e-9a2b-3c4d5e6f7a8b", "agencyCode": "11371500MB28532216", "year": 2023,
           "outcome": "created", "status": 201, "location": "/api/v1/reports/11371500MB28532216/2023/versions/1",
           "receipt": {"agencyCode": "11371500MB28532216", "year": 2023, "version": 1, "unchanged": false,
                       "replayed": false, "findings": []}},
          {"deliveryKey": "6a1d…", "agencyCode": "11371500MB28532216", "year": 2022, "outcome": "locked", "status": 409,
           "problem": {"type": "https://ogi.example.cn/problems/report-locked", "title": "Conflict", "status": 409,
                       "detail": "The report of 11371500MB28532216 for 2022 is approved and locked at version 1; …",
                       "version": 1}}],
         "summary": {"deliveries": 2, "created": 1, "unchanged": 0, "replayed": 0, "locked": 1, "refused": 0}}""")
public record DeliveryResults(List<Result> results, Map<String, Integer> summary) {

    public DeliveryResults {
        results = List.copyOf(results);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    static final List<String> OUTCOMES = List.of("created", "unchanged", "replayed", "locked", "refused");

    /** One delivery's answer: the status and receipt (or problem) the single endpoint would have given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeliveryResult")
    public record Result(
            String deliveryKey,
            String agencyCode,
            Integer year,

            @Schema(enumeration = {"created", "unchanged", "replayed", "locked", "refused"})
            String outcome,

            int status,
            String location,
            VersionReceipt receipt,
            Problem problem) {}

    static DeliveryResults of(List<DeliveryRequest> requests, List<DeliveryOutcome> outcomes) {
        List<Result> results = new ArrayList<>(outcomes.size());
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("deliveries", outcomes.size());
        OUTCOMES.forEach(o -> summary.put(o, 0));
        for (int i = 0; i < outcomes.size(); i++) {
            Result result = result(requests.get(i), outcomes.get(i));
            summary.merge(result.outcome(), 1, Integer::sum);
            results.add(result);
        }
        return new DeliveryResults(results, summary);
    }

    private static Result result(DeliveryRequest request, DeliveryOutcome outcome) {
        String path = "/api/v1/reports/" + request.agencyCode() + "/" + request.year() + "/versions";
        Integer year = request.year() == 0 ? null : request.year();
        if (outcome instanceof DeliveryOutcome.Stored stored) {
            VersionReceipt receipt = stored.receipt();
            return new Result(
                    request.deliveryKey(),
                    request.agencyCode(),
                    year,
                    DeliveryAnswers.kind(outcome),
                    DeliveryAnswers.status(outcome),
                    path + "/" + receipt.version(),
                    receipt,
                    null);
        }
        Problem problem = DeliveryAnswers.problem((DeliveryOutcome.Refused) outcome, path);
        return new Result(
                request.deliveryKey(),
                request.agencyCode(),
                year,
                DeliveryAnswers.kind(outcome),
                problem.status(),
                null,
                null,
                problem);
    }
}
