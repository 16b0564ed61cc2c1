package cn.ogi.stats.console;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Content-Security-Policy of the console's pages: scripts only from this origin (no inline script, no eval),
 * API calls only to the services and the identity provider the settings name, nothing framed. ECharts' tooltips
 * carry inline style attributes, hence styles may be inline; no other relaxation.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    static String of(ConsolePage page) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        for (String url : new String[] {page.statsUrl(), page.reportingUrl(), page.intakeUrl(), page.oidcIssuer()}) {
            origin(url).ifPresent(connect::add);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src " + String.join(" ", connect) + "; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self'; object-src 'none'";
    }

    private static Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
