package cn.ogi.web;

import cn.ogi.web.auth.TokenRefusedException;
import cn.ogi.web.http.HttpSettings;
import cn.ogi.web.json.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every error of every service becomes RFC 9457 problem+json:
 * refusals the services raise, JAX-RS errors (unknown path, wrong method or media type),
 * unreadable JSON, parameter validation, outages (503 with Retry-After: the database or another service away)
 * and, last, anything unexpected (500, no stack trace, no class name).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    HttpSettings settings;

    @ServerExceptionMapper
    public Response refusal(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(uri.getPath()));
        return e.status() == 503 ? withRetryAfter(response) : response;
    }

    @ServerExceptionMapper
    public Response jaxrs(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 503) {
            return unavailable(Outages.Kind.SERVICE, uri.getPath());
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(http(status, uri.getPath()));
    }

    /** The problem of a refusal by JAX-RS itself (no such path, wrong method or media type, body too large). */
    public static Problem http(int status, String path) {
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Client error";
        String detail = switch (status) {
            case 404 -> "No resource at " + path + "; see /q/openapi for the API";
            case 405 -> "Method not allowed on " + path;
            case 406 -> "None of the accepted media types can be produced here";
            case 413 -> "The body is larger than this endpoint accepts";
            case 415 -> "Unsupported Content-Type; this endpoint takes application/json unless documented otherwise";
            default -> Response.Status.fromStatusCode(status) != null ? title : "The request was refused";
        };
        return new Problem(Problem.TYPE_BASE + slug(status), title, status, detail, path, List.of(), List.of(), null);
    }

    /** No token, an expired one, or one not signed by the trusted key: 401 with a Bearer challenge. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        TokenRefusedException refused = TokenRefusedException.in(e);
        return Response.fromResponse(
                        respond(unauthenticated(refused == null ? null : refused.getMessage(), uri.getPath())))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** The 401 problem: why the token is refused, or (reason null) that a valid one is needed. */
    public static Problem unauthenticated(String reason, String path) {
        String why = reason != null
                ? "The bearer token is refused: " + reason
                : "A valid bearer token is required (Authorization: Bearer <JWT>): it is missing, expired or "
                        + "not signed by a trusted key";
        return new Problem(
                Problem.TYPE_BASE + "unauthenticated",
                "Unauthorized",
                401,
                why + "; locally, mint one with deploy/local/token",
                path,
                List.of(),
                List.of(),
                null);
    }

    /** A valid token whose roles do not allow this endpoint. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(forbidden(uri.getPath()));
    }

    /** The 403 problem of a token whose roles do not allow the endpoint. */
    public static Problem forbidden(String path) {
        return new Problem(
                Problem.TYPE_BASE + "forbidden",
                "Forbidden",
                403,
                "Your roles do not allow " + path + "; see the README's role table",
                path,
                List.of(),
                List.of(),
                null);
    }

    /**
     * Quarkus maps {@code MismatchedInputException} (and its subclasses: a wrong type, an empty body) to a bare
     * 400 of its own; a mapper of the same specificity here takes precedence, so they become problems too.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unboundJson(com.fasterxml.jackson.databind.JsonMappingException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(unreadableJson(e, uri.getPath()));
    }

    /** The 400 problem of a body that is not JSON, or not JSON of the expected shape. */
    public static Problem unreadableJson(JsonProcessingException e, String path) {
        String field = JsonErrors.fieldOf(e);
        String detail = JsonErrors.describe(e);
        return new Problem(
                Problem.TYPE_BASE + (JsonErrors.isLimit(e) ? "input-limit" : "unreadable-json"),
                JsonErrors.isLimit(e) ? "Input limit exceeded" : "Unreadable JSON",
                400,
                detail,
                path,
                List.of(),
                field == null ? List.of() : List.of(new Problem.InputError(null, field, detail)),
                null);
    }

    @ServerExceptionMapper
    public Response invalidParameters(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InputError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toInputError)
                .toList();
        return respond(new Problem(
                Problem.TYPE_BASE + "invalid-parameters",
                "Invalid parameters",
                400,
                "Some parameters are invalid: see errors",
                uri.getPath(),
                List.of(),
                errors,
                null));
    }

    private static final String MEDIA_TYPE_FAILURE = "Failed to parse media type";

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Outages.Kind outage = Outages.classify(e).orElse(null);
        if (outage != null) {
            LOG.warnf("Unavailable on %s: %s (%s)", uri.getPath(), outage.description(), rootMessage(e));
            return unavailable(outage, uri.getPath());
        }
        if (e instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // a body read by a library deeper down, e.g. a wrapped parse
        }
        if (e instanceof IllegalArgumentException
                && String.valueOf(e.getMessage()).startsWith(MEDIA_TYPE_FAILURE)) {
            // RESTEasy reads Content-Type and Accept before any resource runs and says only which value failed
            String value = e.getMessage().substring(MEDIA_TYPE_FAILURE.length()).strip();
            return respond(new Problem(
                    Problem.TYPE_BASE + "malformed-media-type",
                    "Bad request",
                    400,
                    "A media type in the Content-Type or Accept header cannot be parsed: '"
                            + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'",
                    uri.getPath(),
                    List.of(),
                    List.of(new Problem.InputError(null, "Content-Type", "a media type such as text/plain")),
                    null));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return respond(new Problem(
                Problem.TYPE_BASE + "internal-error",
                "Internal error",
                500,
                "The request could not be completed; the incident id " + incident + " is in the service log",
                uri.getPath(),
                List.of(),
                List.of(),
                null));
    }

    /** 503 with Retry-After: the request may succeed unchanged once the database or the other service is back. */
    public Response unavailable(Outages.Kind outage, String path) {
        return withRetryAfter(respond(unavailable(outage, path, retryAfterSeconds())));
    }

    /** The 503 problem of an outage; the response carries the same seconds in Retry-After. */
    public static Problem unavailable(Outages.Kind outage, String path, long retryAfterSeconds) {
        return new Problem(
                Problem.TYPE_BASE + "unavailable",
                "Service unavailable",
                503,
                "The request cannot be completed now: " + outage.description() + "; retry after " + retryAfterSeconds
                        + " s (with the same Idempotency-Key, a retried write is never doubled)",
                path,
                List.of(),
                List.of(),
                null);
    }

    private Response withRetryAfter(Response response) {
        return Response.fromResponse(response)
                .header("Retry-After", String.valueOf(retryAfterSeconds()))
                .build();
    }

    private long retryAfterSeconds() {
        return settings == null ? 5 : Math.max(1, settings.retryAfter().toSeconds());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Problem.InputError toInputError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method parameters come as "method.arg"; the client knows only the parameter name.
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return new Problem.InputError(null, field, violation.getMessage());
    }

    private static String slug(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 503 -> "unavailable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
