package cn.ogi.intake.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service as intake uses it: delivering versions and following the registry part of the
 * change feed. Answers come back as {@link Response} so that the relay can tell a refusal (4xx,
 * final) from an outage (5xx or no answer, retried).
 */
@RegisterRestClient(configKey = "reporting")
@Path("/api/v1")
public interface ReportingClient {

    @POST
    @Path("/reports/{agencyCode}/{year}/versions")
    Response deliver(@PathParam("agencyCode") String agencyCode, @PathParam("year") int year,
            @HeaderParam("Delivery-Key") String deliveryKey, @HeaderParam("If-Match") String ifMatch,
            VersionDelivery delivery);

    @GET
    @Path("/changes")
    ChangePage changes(@QueryParam("after") long after, @QueryParam("limit") int limit,
            @QueryParam("types") String types);
}
