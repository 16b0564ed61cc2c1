package cn.ogi.reporting.rest;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.web.Params;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Coded query parameters: a division code, or one of a fixed list; 400 naming the parameter otherwise. */
final class Codes {

    private Codes() {}

    /** The GB/T 2260 code, or null when absent. */
    static String division(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        DivisionCode.problem(value.strip()).ifPresent(problem -> {
            throw Params.invalid(parameter, problem);
        });
        return value.strip();
    }

    static String oneOf(String parameter, String value, List<String> allowed) {
        return oneOf(parameter, value, v -> allowed.contains(v) ? Optional.of(v) : Optional.empty(), allowed);
    }

    /** The constant a coded value names ({@code parse} reads the wire value), or null when absent. */
    static <T> T oneOf(String parameter, String value, Function<String, Optional<T>> parse, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse.apply(value.strip())
                .orElseThrow(() ->
                        Params.invalid(parameter, "must be one of " + allowed + ", got '" + Params.shown(value) + "'"));
    }
}
