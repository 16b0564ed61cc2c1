package cn.ogi.stats.feed;

import cn.ogi.web.client.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** stats' service token ({@code stats.reporting.token}) on every call of {@link ChangeFeedClient}. */
@ApplicationScoped
public class ReportingCredentials extends ServiceCredentials {

    @Inject
    ReportingAccess access;

    @Override
    protected Optional<String> token() {
        return access.token();
    }
}
