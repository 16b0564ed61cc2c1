package cn.ogi.reader;

/** How the value of a cell that was read was established. */
public enum Provenance {
    /** The number as printed in the cell (its column told by the source's grid, separators or coordinates). */
    PRINTED("printed"),
    /** Digits printed run together, split into cells by the only reading that satisfies the table's rules. */
    SPLIT_BY_CONSTRAINT("split-by-constraint"),
    /** A visibly empty cell (or a dash) in a printed row, recorded as 0, as the form means it. */
    BLANK_AS_PRINTED("blank-as-printed");

    private final String jsonName;

    Provenance(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
