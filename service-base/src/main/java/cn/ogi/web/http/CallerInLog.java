package cn.ogi.web.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the caller's subject (the token's {@code sub}) into the MDC of an API request, beside the request id
 * ({@link RequestIds}, which clears both when the request ends). Never the token itself. The subject is the one
 * the endpoint's role check already verified; a request without a token, with a refused token, or to an endpoint
 * open to all (the console's pages: the token is then not read) has no subject in its log lines.
 */
public class CallerInLog {

    @ServerRequestFilter
    public void subject(ContainerRequestContext request) {
        try {
            Principal principal = request.getSecurityContext().getUserPrincipal();
            if (principal == null) {
                return;
            }
            String subject = principal instanceof JsonWebToken token ? token.getSubject() : principal.getName();
            if (subject != null) {
                // a control character cannot end the line early or forge the next one
                MDC.put(RequestIds.MDC_SUBJECT, subject.replaceAll("\\p{Cntrl}", "?"));
            }
        } catch (RuntimeException refused) {
            // an invalid token: the endpoint's own check answers 401; the log line simply has no subject
        }
    }
}
