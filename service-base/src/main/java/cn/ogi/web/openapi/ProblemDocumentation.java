package cn.ogi.web.openapi;

import cn.ogi.web.Outages;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemMappers;
import cn.ogi.web.http.ParameterCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response of every service, documented as it is answered: one {@code Problem} schema (RFC 9457 and
 * the project's extension members), and the problems any operation can meet — 401 and 403 on every secured
 * operation, 400 for a path or query parameter ({@link ParameterCheck}) and for unreadable JSON, 503 and 415
 * where an operation declares them — each with an example built by the code that answers it
 * ({@link ProblemMappers}), for the operation's own path. Examples an operation declares itself are kept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default of {@code ogi.http.max-parameter-length} and {@code ogi.http.retry-after}. */
    private static final int MAX_PARAMETER_LENGTH = 2000;

    private static final long RETRY_AFTER_SECONDS = 5;

    /** The descriptions Quarkus gives the 401 and 403 it adds to secured operations, replaced by what they mean. */
    private static final java.util.Set<String> GENERIC_DESCRIPTIONS = java.util.Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        ProblemSchemas.addTo(openAPI.getComponents());
        anyJson(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                document(openAPI, path.getKey(), item, operation);
            }
        }
    }

    private static void document(OpenAPI api, String template, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        String path = concrete(template, parameters);
        boolean secured = operation.getSecurity() != null
                ? !operation.getSecurity().isEmpty()
                : api.getSecurity() != null && !api.getSecurity().isEmpty();
        if (secured) {
            documentSecurity(operation, path);
        }
        documentInput(operation, parameters, path);
        documentOutages(operation, path);
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            ProblemSchemas.referenceProblem(response);
        }
    }

    /** The 401 and 403 of an operation that needs a bearer token. */
    private static void documentSecurity(Operation operation, String path) {
        response(
                        operation,
                        "401",
                        "No valid bearer token (missing, expired, signed by another key, or refused by "
                                + "the token rules); the answer carries WWW-Authenticate: Bearer")
                .put(
                        "missing",
                        ProblemMappers.unauthenticated(null, path),
                        "No token, an expired one, or one " + "signed by another key")
                .put(
                        "lifetime",
                        ProblemMappers.unauthenticated(
                                "its lifetime (exp − iat) is 720 h; at most 24 h are accepted for personal "
                                        + "tokens (ogi.token.max-lifetime)",
                                path),
                        "A token the token rules refuse");
        response(operation, "403", "The token's roles do not allow this operation")
                .put("roles", ProblemMappers.forbidden(path), "A role this operation does not admit");
    }

    /** The 400s of an operation's parameters and JSON body. */
    private static void documentInput(Operation operation, List<Parameter> parameters, String path) {
        Problem tooLong = ProblemException400.tooLong(parameters, path);
        if (tooLong != null) {
            response(operation, "400", "A parameter is invalid: the problem names it")
                    .put(
                            "parameter-too-long",
                            tooLong,
                            "A parameter longer than ogi.http.max-parameter-length (any parameter)");
        }
        if (hasJsonBody(operation)) {
            response(operation, "400", "The body is not JSON, or not JSON of the expected shape")
                    .put("unreadable-json", ProblemException400.unreadableJson(path), "The body is cut off");
        }
    }

    /** The 503 and 415 an operation declares, with their examples. */
    private static void documentOutages(Operation operation, String path) {
        if (operation.getResponses().hasAPIResponse("503")) {
            response(
                            operation,
                            "503",
                            "The database or a service this operation needs is unavailable; retry after "
                                    + "Retry-After seconds")
                    .put(
                            "database",
                            ProblemMappers.unavailable(Outages.Kind.DATABASE, path, RETRY_AFTER_SECONDS),
                            "The database is unreachable");
        }
        if (operation.getResponses().hasAPIResponse("415")) {
            response(operation, "415", "The Content-Type is not one this operation takes")
                    .put("unsupported", ProblemMappers.http(415, path), "A body of a media type not listed here");
        }
    }

    /**
     * A Jackson tree in a record (an audit event's detail, an event's payload) is any JSON value, not the
     * getters of {@code JsonNode} the scanner would list.
     */
    private static void anyJson(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
            components.addSchema(
                    "JsonNode", OASFactory.createSchema().description("Any JSON value (an object as documented)"));
            components.removeSchema("JsonNodeType");
        }
    }

    /** The template with each path parameter's example: {@code /api/v1/agencies/11371500MB28532216}. */
    static String concrete(String template, List<Parameter> parameters) {
        String path = template;
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.PATH && p.getExample() != null) {
                path = path.replace("{" + p.getName() + "}", String.valueOf(p.getExample()));
            }
        }
        return path;
    }

    private static boolean hasJsonBody(Operation operation) {
        return operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes() != null
                && operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                        .anyMatch(type -> type.endsWith("json"));
    }

    /**
     * The operation's response of this status, to which examples are added: a copy of the one declared (Quarkus shares
     * one object among operations for the 401 and 403 it adds), or a new one.
     */
    private static Examples response(Operation operation, String status, String description) {
        APIResponse declared = operation.getResponses().getAPIResponse(status);
        if (declared != null && declared.getRef() != null) {
            return Examples.NONE; // a shared response of components/responses, documented there
        }
        APIResponse response = OASFactory.createAPIResponse();
        boolean ownDescription = declared != null
                && declared.getDescription() != null
                && !declared.getDescription().isBlank()
                && !GENERIC_DESCRIPTIONS.contains(declared.getDescription());
        response.setDescription(ownDescription ? declared.getDescription() : description);
        Content content = OASFactory.createContent();
        if (declared != null) {
            response.setHeaders(declared.getHeaders());
            if (declared.getContent() != null && declared.getContent().getMediaTypes() != null) {
                declared.getContent().getMediaTypes().forEach((name, type) -> content.addMediaType(name, copy(type)));
            }
        }
        response.setContent(content);
        operation.getResponses().addAPIResponse(status, response);
        MediaType type = content.getMediaType(Problem.MEDIA_TYPE);
        if (type == null) {
            type = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, type);
        }
        return new Examples(type);
    }

    private static MediaType copy(MediaType type) {
        MediaType copy = OASFactory.createMediaType().schema(type.getSchema());
        if (type.getExamples() != null) {
            copy.setExamples(new LinkedHashMap<>(type.getExamples()));
        }
        copy.setExample(type.getExample());
        return copy;
    }

    /** Adds named examples to a media type, keeping any of the same name that an operation declared. */
    record Examples(MediaType type) {
        static final Examples NONE = new Examples(null);

        Examples put(String name, Problem problem, String summary) {
            if (type == null) {
                return this;
            }
            Map<String, Example> examples =
                    type.getExamples() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(type.getExamples());
            examples.putIfAbsent(
                    name, OASFactory.createExample().summary(summary).value(asJson(problem)));
            type.setExamples(examples);
            return this;
        }
    }

    /** The problem as the services write it (Jackson, the record's own annotations). */
    static Object asJson(Object value) {
        return JSON.convertValue(value, Object.class);
    }

    /** The 400 problems every operation can meet, made as the services make them. */
    static final class ProblemException400 {
        private ProblemException400() {}

        /** A query parameter over the bound (or, for an operation with path parameters only, the path); null if none. */
        static Problem tooLong(List<Parameter> parameters, String path) {
            Parameter query = parameters.stream()
                    .filter(p -> p.getIn() == Parameter.In.QUERY)
                    .findFirst()
                    .orElse(null);
            boolean inPath = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
            if (query == null && !inPath) {
                return null;
            }
            String field = query != null ? query.getName() : "path";
            String what = query != null ? "Parameter '" + field + "'" : "the path";
            String message = ParameterCheck.tooLong(what, MAX_PARAMETER_LENGTH + 1, MAX_PARAMETER_LENGTH);
            return cn.ogi.web.ProblemException.badRequest("invalid-parameters", message)
                    .withErrors(List.of(new Problem.InputError(null, field, message)))
                    .toProblem(path);
        }

        static Problem unreadableJson(String path) {
            try {
                JSON.readTree("{\"agencyCode\": \"11371500MB28532216\", \"year\": 20");
                throw new IllegalStateException("a cut-off body was read");
            } catch (JsonProcessingException e) {
                return ProblemMappers.unreadableJson(e, path);
            }
        }
    }
}
