package cn.ogi.reader;

/** Why a cell was not read: its value is null, never a guess. */
public enum Unknown {
    /** Several readings satisfy every rule; the candidates are listed. */
    AMBIGUOUS("ambiguous"),
    /** The row or figure is not in the source. */
    NOT_FOUND("not-found"),
    /** The row was found but its numbers cannot be read (too few, too many, or no reading satisfies the rules). */
    UNREADABLE("unreadable");

    private final String jsonName;

    Unknown(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
