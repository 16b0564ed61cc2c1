package cn.ogi.intake.rest;

import cn.ogi.web.Caller;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import java.util.List;

/**
 * The {@code importedHistory} parameter of the submission endpoints: an admin importing reports published long
 * ago (from the agencies' web sites) marks them so, and stats then trusts their stated publishedOn however long
 * before receipt it lies. Only admins may set it; the mark travels with the submission to reporting-service's
 * version and its change-feed event, and is recorded in the audit trail.
 */
final class ImportedHistory {

    static final String PARAMETER = "importedHistory";

    private ImportedHistory() {}

    /** false when absent; 400 unless true or false; 403 when true and the caller is not an admin. */
    static boolean parse(String value, Caller caller) {
        if (value == null || value.isBlank() || value.strip().equals("false")) {
            return false;
        }
        if (!value.strip().equals("true")) {
            String message = "must be true or false, got '" + value + "'";
            throw ProblemException.badRequest("invalid-parameters", "Parameter '" + PARAMETER + "' " + message)
                    .withErrors(List.of(new Problem.InputError(null, PARAMETER, message)));
        }
        if (!caller.has(Roles.ADMIN)) {
            throw ProblemException.of(
                    403,
                    "imported-history-admin-only",
                    "Forbidden",
                    "Only an admin may mark submissions as imported history (parameter '" + PARAMETER + "')");
        }
        return true;
    }
}
