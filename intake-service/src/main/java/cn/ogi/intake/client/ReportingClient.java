package cn.ogi.intake.client;

import cn.ogi.feed.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service as intake uses it: delivering versions and following the registry part of the
 * change feed. Answers come back as {@link Response} so that the relay can tell a refusal (4xx,
 * final) from an outage (5xx or no answer, retried). intake's service token is added to every call by
 * {@link ReportingCredentials}.
 */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(ReportingCredentials.class)
@Path("/api/v1")
public interface ReportingClient {

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
