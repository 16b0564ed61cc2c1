package cn.ogi.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who is calling, for the records a write leaves (submittedBy, approvals). Until bearer tokens are
 * verified (see the README, "Who may do what"), the caller names itself in {@value #SUBJECT_HEADER}.
 */
@RequestScoped
public class Caller {

    public static final String SUBJECT_HEADER = "X-Ogi-Subject";
    public static final String ANONYMOUS = "anonymous";

    @Inject
    HttpHeaders headers;

    public String subject() {
        String named = headers.getHeaderString(SUBJECT_HEADER);
        return named == null || named.isBlank() ? ANONYMOUS : named.strip();
    }
}
