package cn.ogi.reader;

import java.util.List;

/**
 * Something the reader decided that a reader of the imported report should know about.
 *
 * @param kind    what happened (the constants below)
 * @param cells   the cell keys concerned (may be empty)
 * @param message what was found and what was done, in English
 */
public record ReadNote(String kind, List<String> cells, String message) {

    /** Visibly blank cells in a printed row, recorded as 0. */
    public static final String BLANK_CELL = "blank-cell";
    /** A Table 1 row printed without any number: not stated (null). */
    public static final String BLANK_ROW = "blank-row";
    /** A row label matched only approximately (typo, wrapped, garbled or detached label). */
    public static final String FUZZY_LABEL = "fuzzy-label";
    /** Run-together digits split by the table's rules. */
    public static final String SPLIT_BY_CONSTRAINT = "split-by-constraint";
    /** Several readings satisfy every rule: the cells are null and the candidates listed. */
    public static final String AMBIGUOUS = "ambiguous";
    /** A row, table or figure of the form is not in the source. */
    public static final String NOT_FOUND = "not-found";
    /** A row was found but its numbers could not be read. */
    public static final String UNREADABLE = "unreadable";
    /** Edition 2021 (六)其他处理 printed as one row: recorded as otherDisposal.other only. */
    public static final String MERGED_ROW = "merged-row";
    /** An amount stated approximately (1900余万元). */
    public static final String APPROXIMATE_AMOUNT = "approximate-amount";
    /** An amount printed in another unit than the cell's (251000元 in a 万元 cell), converted. */
    public static final String UNIT_CONVERTED = "unit-converted";
    /** Numbers printed that the form has no cell for, ignored. */
    public static final String IGNORED_NUMBER = "ignored-number";

    public static final String EDITION_DETECTED = "edition-detected";
    public static final String YEAR_DETECTED = "year-detected";
    public static final String SOURCE_FORM = "source-form";

    public ReadNote {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
