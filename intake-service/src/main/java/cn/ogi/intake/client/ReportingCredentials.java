package cn.ogi.intake.client;

import cn.ogi.web.client.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** intake's service token ({@code intake.reporting.token}) on every call of {@link ReportingClient}. */
@ApplicationScoped
public class ReportingCredentials extends ServiceCredentials {

    @Inject
    ReportingAccess access;

    @Override
    protected Optional<String> token() {
        return access.token();
    }
}
