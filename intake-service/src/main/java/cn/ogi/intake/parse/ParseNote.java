package cn.ogi.intake.parse;

import java.util.List;

/**
 * Something the parser decided that a reader of the imported report should know about.
 *
 * @param kind    one of {@link #BLANK_CELL}, {@link #BLANK_ROW}, {@link #FUZZY_LABEL}, {@link #INFERRED},
 *                {@link #MISSING_NUMBER}, {@link #IGNORED_NUMBER}, {@link #NOT_FOUND}, {@link #MERGED_ROW},
 *                {@link #APPROXIMATE_AMOUNT}, {@link #UNIT_CONVERTED},
 *                {@link #EDITION_DETECTED}, {@link #YEAR_DETECTED}
 * @param cells   the cell keys concerned (may be empty)
 * @param message what was found and what was done, in English
 */
public record ParseNote(String kind, List<String> cells, String message) {

    /** A blank cell inside a printed row of Table 2 or 3, recorded as 0. */
    public static final String BLANK_CELL = "blank-cell";
    /** A Table 1 row printed without any number, recorded as not stated (null). */
    public static final String BLANK_ROW = "blank-row";
    /** A row label matched only approximately (typo, wrapped or garbled label). */
    public static final String FUZZY_LABEL = "fuzzy-label";
    /** Numbers split from run-together digits or placed using the table's own sums. */
    public static final String INFERRED = "inferred";
    /** A row printed with fewer numbers than the form has cells; the missing cells are null. */
    public static final String MISSING_NUMBER = "missing-number";
    /** More numbers than cells on a row; the extra ones were ignored. */
    public static final String IGNORED_NUMBER = "ignored-number";
    /** A row, table or figure of the form was not found in the text. */
    public static final String NOT_FOUND = "not-found";
    /** Edition 2021 (六)其他处理 printed as one row, recorded as otherDisposal.other only. */
    public static final String MERGED_ROW = "merged-row";
    /** An amount stated approximately (1900余万元) or converted between units. */
    public static final String APPROXIMATE_AMOUNT = "approximate-amount";
    /** An amount printed in another unit than the cell's (251000元 in a 万元 cell), converted. */
    public static final String UNIT_CONVERTED = "unit-converted";

    public static final String EDITION_DETECTED = "edition-detected";
    public static final String YEAR_DETECTED = "year-detected";

    public ParseNote {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
