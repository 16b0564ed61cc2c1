package cn.ogi.demo;

import java.util.List;

/**
 * A report the generator made break a cross-year warning rule on purpose.
 *
 * @param report the report that carries the warning (checked against the same agency's previous year)
 * @param rule   {@code CARRY-CHAIN} or {@code IN-FORCE-CHAIN}
 * @param cells  the cells of that report that differ from what the previous year implies
 */
public record DeliberateWarning(AgencyYear report, String rule, List<String> cells) {

    public DeliberateWarning {
        cells = List.copyOf(cells);
    }
}
