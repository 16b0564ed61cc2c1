package cn.ogi.web.auth;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.web.ProblemException;
import java.util.Set;

/**
 * What a caller may reach: its subject, roles and jurisdiction, as an immutable value that can be
 * carried past the request (a streamed batch). Admins and services are not bound to a jurisdiction.
 */
public record Scope(String subject, Set<String> roles, String jurisdiction) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean unrestricted() {
        return has(Roles.ADMIN) || has(Roles.SERVICE);
    }

    /** Whether {@code code} (a jurisdiction) is the caller's own node or below it. */
    public boolean covers(String code) {
        if (unrestricted()) {
            return true;
        }
        if (jurisdiction == null
                || code == null
                || DivisionCode.problem(jurisdiction).isPresent()
                || DivisionCode.problem(code).isPresent()) {
            return false;
        }
        return DivisionCode.parse(code).isWithin(DivisionCode.parse(jurisdiction));
    }

    /** 403 unless the caller covers the jurisdiction; {@code what} names the thing asked for. */
    public void requireCovers(String code, String what) {
        if (!covers(code)) {
            throw ProblemException.of(
                            403,
                            "outside-jurisdiction",
                            "Forbidden",
                            "You act for jurisdiction " + jurisdiction + "; " + what + " belongs to " + code
                                    + ", outside it")
                    .about(code);
        }
    }
}
