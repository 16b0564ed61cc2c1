package cn.ogi.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
 * unreadable JSON, parameter validation, and, last, anything unexpected (500, no stack trace).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refusal(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response jaxrs(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Client error";
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath() + "; see /q/openapi for the API";
            case 405 -> "Method not allowed on " + uri.getPath();
            case 406 -> "None of the accepted media types can be produced here";
            case 415 -> "Unsupported Content-Type; this endpoint takes application/json unless documented otherwise";
            default -> e.getMessage();
        };
        return respond(new Problem(
                Problem.TYPE_BASE + slug(status), title, status, detail, uri.getPath(), List.of(), List.of(), null));
    }

    /** No token, an expired one, or one not signed by the trusted key: 401 with a Bearer challenge. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(
                        Problem.TYPE_BASE + "unauthenticated",
                        "Unauthorized",
                        401,
                        "A valid bearer token is required (Authorization: Bearer <JWT>): it is missing, expired or "
                                + "not signed by a trusted key; locally, mint one with deploy/local/token",
                        uri.getPath(),
                        List.of(),
                        List.of(),
                        null)))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** A valid token whose roles do not allow this endpoint. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                Problem.TYPE_BASE + "forbidden",
                "Forbidden",
                403,
                "Your roles do not allow " + uri.getPath() + "; see the README's role table",
                uri.getPath(),
                List.of(),
                List.of(),
                null));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String path =
                e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? " (field " + mapping.getPathReference() + ")"
                        : "";
        return respond(new Problem(
                Problem.TYPE_BASE + "unreadable-json",
                "Unreadable JSON",
                400,
                "The body is not valid JSON for this endpoint" + where + path + ": " + e.getOriginalMessage(),
                uri.getPath(),
                List.of(),
                List.of(),
                null));
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

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
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
