package cn.ogi.reporting.registry;

import cn.ogi.form.identity.AgencyKind;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.identity.DivisionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a jurisdiction or an agency acceptable, shared by the single PUTs and the CSV import.
 * Each check returns every problem it finds (not just the first), as "field: message" pairs.
 */
public final class RegistryRules {

    /** The levels' wire names, top first ({@link DivisionLevel}). */
    public static final List<String> LEVELS = DivisionLevel.wireNames();
    /** The agency kinds' wire names ({@link AgencyKind}). */
    public static final List<String> KINDS = AgencyKind.wireNames();
    /** The longest name of a jurisdiction or an agency (the longest real ones are about 40 characters). */
    public static final int MAX_NAME = 200;

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    public record Problem(String field, String message) {}

    private RegistryRules() {}

    /** The canonical form of a jurisdiction (level derived from the code), or the problems. */
    static List<Problem> checkJurisdiction(JurisdictionView j, Function<String, Optional<String>> levelOfKnown) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> codeProblem = DivisionCode.problem(j.code());
        if (codeProblem.isPresent()) {
            problems.add(new Problem("code", codeProblem.get()));
            return problems;
        }
        DivisionCode code = DivisionCode.parse(j.code());
        DivisionLevel level = code.level();
        String derived = level.wireName();
        checkName(j.name(), problems);
        if (j.level() != null && !j.level().equals(derived)) {
            problems.add(new Problem(
                    "level",
                    "level '" + j.level() + "' contradicts the code " + j.code() + ", which is a " + derived
                            + " code"));
        }
        if (j.parent() == null || j.parent().isBlank()) {
            if (level != DivisionLevel.PROVINCE) {
                problems.add(new Problem("parent", "a " + derived + " needs a parent jurisdiction"));
            }
            return problems;
        }
        Optional<String> parentProblem = DivisionCode.problem(j.parent());
        if (parentProblem.isPresent()) {
            problems.add(new Problem("parent", parentProblem.get()));
        } else if (j.parent().equals(j.code()) || !code.isWithin(DivisionCode.parse(j.parent()))) {
            problems.add(new Problem(
                    "parent",
                    "parent " + j.parent() + " does not contain " + j.code()
                            + " (a parent's code is a prefix of its children's)"));
        } else {
            Optional<String> parentLevel = levelOfKnown.apply(j.parent());
            if (parentLevel.isEmpty()) {
                problems.add(new Problem("parent", "unknown parent jurisdiction " + j.parent()));
            } else if (!DivisionLevel.fromWire(parentLevel.get())
                    .map(p -> p.isAbove(level))
                    .orElse(true)) {
                problems.add(new Problem(
                        "parent", "parent " + j.parent() + " is a " + parentLevel.get() + ", not above a " + derived));
            }
        }
        return problems;
    }

    static List<Problem> checkAgency(AgencyView a, Function<String, Boolean> jurisdictionKnown) {
        List<Problem> problems = new ArrayList<>();
        CreditCode.problem(a.code()).ifPresent(p -> problems.add(new Problem("code", p)));
        checkName(a.name(), problems);
        if (AgencyKind.fromWire(a.kind()).isEmpty()) {
            problems.add(new Problem("kind", "kind must be one of " + KINDS + ", got '" + a.kind() + "'"));
        }
        if (a.jurisdiction() == null || a.jurisdiction().isBlank()) {
            problems.add(new Problem("jurisdiction", "jurisdiction is required"));
        } else if (DivisionCode.problem(a.jurisdiction()).isPresent()) {
            problems.add(new Problem(
                    "jurisdiction", DivisionCode.problem(a.jurisdiction()).get()));
        } else if (!jurisdictionKnown.apply(a.jurisdiction())) {
            problems.add(new Problem("jurisdiction", "unknown jurisdiction " + a.jurisdiction()));
        }
        checkYear("reportsFrom", a.reportsFrom(), problems);
        checkYear("reportsUntil", a.reportsUntil(), problems);
        if (a.reportsFrom() != null && a.reportsUntil() != null && a.reportsFrom() > a.reportsUntil()) {
            problems.add(new Problem(
                    "reportsUntil", "reportsUntil " + a.reportsUntil() + " is before reportsFrom " + a.reportsFrom()));
        }
        return problems;
    }

    static String levelOf(DivisionCode code) {
        return code.level().wireName();
    }

    private static void checkName(String name, List<Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "name is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem(
                    "name", "name is " + name.length() + " characters long; at most " + MAX_NAME + " are accepted"));
        } else if (cn.ogi.web.json.ControlCharacters.indexIn(name) >= 0) {
            problems.add(new Problem(
                    "name",
                    "name "
                            + cn.ogi.web.json.ControlCharacters.describe(
                                    name, cn.ogi.web.json.ControlCharacters.indexIn(name))));
        }
    }

    private static void checkYear(String field, Integer year, List<Problem> problems) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            problems.add(new Problem(
                    field, field + " must be a year between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + year));
        }
    }
}
