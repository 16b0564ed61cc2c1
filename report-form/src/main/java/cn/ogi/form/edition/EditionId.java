package cn.ogi.form.edition;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ids of the standard editions ({@link Editions#standard()}), for code that treats an edition by name (a
 * generator, a reader of published texts). The id is the report's {@code edition} on the wire and in the tables;
 * read with {@link #fromId}, compared as constants. {@code EditionsTest} keeps the constants and the definition
 * files the same set: a new edition file needs its constant here.
 */
public enum EditionId {
    /** Reports before 2019: no standard tables, the figures stated in the text. */
    LEGACY("legacy"),
    /** The 2019 format (reports of 2019 and 2020). */
    FORM_2019("2019"),
    /** The 2021 format (reports of 2021 and later). */
    FORM_2021("2021");

    private final String id;

    EditionId(String id) {
        this.id = id;
    }

    /** The id as reports and definition files spell it. */
    public String id() {
        return id;
    }

    /** The edition an id names; empty for null or an unknown id (which the caller reports). */
    public static Optional<EditionId> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
