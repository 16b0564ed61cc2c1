package cn.ogi.intake.client;

import cn.ogi.feed.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service as intake uses it: delivering versions and following the registry part of the
 * change feed. Answers come back as {@link Response} so that the relay can tell a refusal (4xx,
 * final) from an outage (5xx or no answer, retried).
 */
@RegisterRestClient(configKey = "reporting")
@ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
@Path("/api/v1")
public interface ReportingClient {

    /** intake's own service token (role {@code service}), configured as {@code intake.reporting.token}. */
    default String serviceAuthorization() {
        return ConfigProvider.getConfig()
                .getOptionalValue("intake.reporting.token", String.class)
                .filter(token -> !token.isBlank())
                .map(token -> "Bearer " + token)
                .orElse(null);
    }

    @POST
    @Path("/reports/{agencyCode}/{year}/versions")
    Response deliver(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") int year,
            @HeaderParam("Delivery-Key") String deliveryKey,
            @HeaderParam("If-Match") String ifMatch,
            VersionDelivery delivery);

    /** Many deliveries in one call; an older reporting-service without it answers 404 (or 405). */
    @POST
    @Path("/deliveries")
    Response deliverAll(DeliveryBatch batch);

    @GET
    @Path("/changes")
    ChangePage changes(
            @QueryParam("after") long after, @QueryParam("limit") int limit, @QueryParam("types") String types);
}
