package cn.ogi.stats.feed;

import cn.ogi.feed.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service's change feed; the base URL is {@code quarkus.rest-client.reporting.url}, stats' service token
 * is added to every call by {@link ReportingCredentials}.
 */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(ReportingCredentials.class)
@Path("/api/v1/changes")
public interface ChangeFeedClient {

    @GET
    ChangePage changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** The same page as the bytes of the answer (see {@link cn.ogi.feed.ChangePages}: the payloads are kept as received). */
    @GET
    byte[] changesAsBytes(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
