package cn.ogi.web.http;

import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.json.ControlCharacters;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a request whose path or query parameters hold a control character (NUL
 * cannot even be stored by PostgreSQL) or a value longer than {@link HttpSettings#maxParameterLength()}: 400
 * naming the parameter. Typed parsing of each parameter's value is the resource's ({@link cn.ogi.web.Params}).
 */
public class ParameterCheck {

    @Inject
    HttpSettings settings;

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String problem = check("the path", path);
        String field = "path";
        if (problem == null) {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                for (String value : parameter.getValue()) {
                    problem = check("Parameter '" + shown(parameter.getKey()) + "'", parameter.getKey() + value);
                    if (problem != null) {
                        field = shown(parameter.getKey());
                        break;
                    }
                }
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem == null) {
            return null;
        }
        Problem body = ProblemException.badRequest("invalid-parameters", problem)
                .withErrors(List.of(new Problem.InputError(null, field, problem)))
                .toProblem(shown(path));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private String check(String what, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > settings.maxParameterLength()) {
            return tooLong(what, value.length(), settings.maxParameterLength());
        }
        int at = ControlCharacters.indexIn(value);
        return at < 0 ? null : what + " " + ControlCharacters.describe(value, at);
    }

    /** What is wrong with a parameter over the bound, e.g. "Parameter 'q' is 2001 characters long; …". */
    public static String tooLong(String what, int length, int maxLength) {
        return what + " is " + length + " characters long; at most " + maxLength + " are accepted";
    }

    private static String shown(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (out.length() > 60) {
                return out.append('…').toString();
            }
            out.append(ControlCharacters.forbidden(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
