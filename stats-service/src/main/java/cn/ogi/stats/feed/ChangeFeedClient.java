package cn.ogi.stats.feed;

import cn.ogi.feed.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** reporting-service's change feed; the base URL is {@code quarkus.rest-client.reporting.url}. */
@RegisterRestClient(configKey = "reporting")
@ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
@Path("/api/v1/changes")
public interface ChangeFeedClient {

    /** stats' own service token (role {@code service}), configured as {@code stats.reporting.token}. */
    default String serviceAuthorization() {
        return ConfigProvider.getConfig()
                .getOptionalValue("stats.reporting.token", String.class)
                .filter(token -> !token.isBlank())
                .map(token -> "Bearer " + token)
                .orElse(null);
    }

    @GET
    ChangePage changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** The same page as the bytes of the answer (see {@link cn.ogi.feed.ChangePages}: the payloads are kept as received). */
    @GET
    byte[] changesAsBytes(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
