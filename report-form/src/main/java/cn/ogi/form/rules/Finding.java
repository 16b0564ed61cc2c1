package cn.ogi.form.rules;

import java.util.List;

/**
 * A broken rule or a structural problem of one report.
 *
 * @param rule     rule code, e.g. {@code APP-BALANCE} or {@code SCHEMA-MISSING}
 * @param severity error or warning
 * @param cells    the cell keys (or identity fields) concerned, in the rule's order
 * @param message  what is wrong and where, in English
 */
public record Finding(String rule, Severity severity, List<String> cells, String message) {

    public Finding {
        cells = List.copyOf(cells);
    }

    public static Finding error(String rule, String cell, String message) {
        return new Finding(rule, Severity.ERROR, List.of(cell), message);
    }
}
