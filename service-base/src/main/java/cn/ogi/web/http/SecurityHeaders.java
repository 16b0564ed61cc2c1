package cn.ogi.web.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Headers every answer of every service carries, added just before the headers are written so that they depend
 * on what is answered: {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy} always; a
 * {@code Content-Security-Policy} on HTML pages (Swagger UI gets its own, it starts with an inline script);
 * {@code Cache-Control} on API answers, which are personal to the caller's token — {@code private, no-cache}
 * when they carry an ETag (dashboards revalidate), {@code no-store} otherwise. {@code Vary} values are merged,
 * so that a value added twice (by the resource and by content negotiation) is sent once.
 */
@ApplicationScoped
public class SecurityHeaders {

    @Inject
    HttpSettings settings;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        context.addHeadersEndHandler(
                ignored -> apply(context.request().path(), context.response().headers()));
        context.next();
    }

    void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", settings.referrerPolicy());
        String type = headers.get("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            boolean swagger = path != null && path.startsWith("/q/swagger-ui");
            // a page that states its own policy (the console lists the services and the identity provider it
            // calls) keeps it; every other page gets the default
            if (!headers.contains("Content-Security-Policy")) {
                headers.set(
                        "Content-Security-Policy",
                        swagger ? settings.swaggerUiPolicy() : settings.contentSecurityPolicy());
            }
            headers.set("X-Frame-Options", "DENY");
        }
        if (path != null && path.startsWith("/api/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", headers.contains("ETag") ? "private, no-cache" : "no-store");
        }
        mergeVary(headers);
    }

    private static void mergeVary(MultiMap headers) {
        if (headers.getAll("Vary").size() < 2
                && !String.valueOf(headers.get("Vary")).contains(",")) {
            return;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String header : headers.getAll("Vary")) {
            for (String value : header.split(",", -1)) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        Set<String> unique = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            if (seen.add(value.toLowerCase(Locale.ROOT))) {
                unique.add(value);
            }
        }
        headers.set("Vary", String.join(", ", unique));
    }
}
