package cn.ogi.web;

import java.util.List;

/**
 * Query and path parameters parsed by the application, not by JAX-RS: a malformed value is a 400 that names the
 * parameter (a JAX-RS conversion failure of a query or path parameter is a bare 404 "No resource").
 */
public final class Params {

    /** Reports are from 2000 on (legacy ones included); 2100 bounds a typo. */
    public static final int FIRST_YEAR = 2000;

    public static final int LAST_YEAR = 2100;

    /** ASCII digits only: Java would also read full-width or Arabic-Indic digits, which no client means to send. */
    private static final java.util.regex.Pattern ASCII_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]{1,19}");

    private Params() {}

    /** The integer, null when absent or blank, 400 when it is not an integer. */
    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ASCII_INTEGER.matcher(value.strip()).matches()) {
            throw invalid(name, "must be an integer, got '" + shown(value) + "'");
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer, got '" + shown(value) + "'");
        }
    }

    /** Like {@link #integer} for a required value. */
    public static int requiredInteger(String name, String value) {
        Integer parsed = integer(name, value);
        if (parsed == null) {
            throw invalid(name, "is required");
        }
        return parsed;
    }

    public static Long longInteger(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ASCII_INTEGER.matcher(value.strip()).matches()) {
            throw invalid(name, "must be an integer, got '" + shown(value) + "'");
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer, got '" + shown(value) + "'");
        }
    }

    /** A year from {@link #FIRST_YEAR} to {@link #LAST_YEAR}, or null when absent. */
    public static Integer year(String name, String value) {
        Integer year = integer(name, value);
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw invalid(name, "must be a year between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + year);
        }
        return year;
    }

    public static int requiredYear(String name, String value) {
        Integer year = year(name, value);
        if (year == null) {
            throw invalid(name, "is required (a year such as 2023)");
        }
        return year;
    }

    /** true or false (any case), empty when absent. */
    public static java.util.Optional<Boolean> bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> java.util.Optional.of(Boolean.TRUE);
            case "false" -> java.util.Optional.of(Boolean.FALSE);
            default -> throw invalid(name, "must be true or false, got '" + shown(value) + "'");
        };
    }

    /** 400 "Parameter 'name' message", with the parameter in {@code errors}. */
    public static ProblemException invalid(String name, String message) {
        return ProblemException.badRequest("invalid-parameters", "Parameter '" + name + "' " + message)
                .withErrors(List.of(new Problem.InputError(null, name, message)));
    }

    /** A client's value as quoted in a message: at most 40 characters. */
    public static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
