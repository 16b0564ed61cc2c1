package cn.ogi.web.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id that its log lines carry (MDC {@code requestId}) and that its answer echoes
 * ({@code X-Request-Id}): the caller's own {@code X-Request-Id} when it is sane — 1 to 64 characters of
 * {@code [A-Za-z0-9._-]}, so that nothing a client sends can forge or break a log line — else a new UUID. The
 * MDC lives in the request's Vert.x context (Quarkus keeps it there), so the worker thread serving the request
 * sees it; it is cleared when the request ends. {@link CallerInLog} adds the caller's subject.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_SUBJECT = "subject";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        String id = idFor(context.request().getHeader(HEADER));
        MDC.put(MDC_REQUEST_ID, id);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
        context.addEndHandler(ignored -> {
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove(MDC_SUBJECT);
        });
        context.next();
    }

    /** The caller's id when it is sane, else a new one. */
    static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }
}
