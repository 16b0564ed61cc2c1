package cn.ogi.stats.console;

import io.quarkus.qute.TemplateData;

/**
 * What a console page tells the browser about where it is deployed, rendered as {@code data-*} attributes of the
 * page's body (never as inline script: the pages carry no inline JavaScript, so a strict Content-Security-Policy
 * holds).
 */
@TemplateData
public record ConsolePage(
        String statsUrl,
        String reportingUrl,
        String intakeUrl,
        String oidcIssuer,
        String oidcClientId,
        String oidcScope,
        boolean devSignIn,
        long refreshSeconds) {

    static ConsolePage of(ConsoleSettings settings) {
        return new ConsolePage(
                trimmed(settings.services().stats().orElse("")),
                trimmed(settings.services().reporting()),
                trimmed(settings.services().intake()),
                trimmed(settings.oidc().issuer().orElse("")),
                settings.oidc().clientId().orElse(""),
                settings.oidc().scope(),
                settings.devSignIn().enabled(),
                Math.max(1, settings.refreshInterval().toSeconds()));
    }

    public boolean oidc() {
        return !oidcIssuer.isEmpty() && !oidcClientId.isEmpty();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
