package cn.ogi.form.json;

import java.util.Set;

/** How strictly {@link ReportJson#read} checks a report. */
public enum ReadMode {
    /** Pushed through the API: agencyCode (valid) and year required; every required cell present and non-null. */
    PUSH,
    /** As printed (imports, fixtures): blank cells allowed, agencyCode optional but checked if present;
     *  the fixture annotations {@code notes}, {@code findings}, {@code acceptAlso} are ignored. */
    PUBLISHED;

    private static final Set<String> ANNOTATIONS = Set.of("notes", "findings", "acceptAlso");

    /** Whether a member of this name is skipped: the fixture annotations, when reading as printed. */
    boolean ignores(String name) {
        return this == PUBLISHED && ANNOTATIONS.contains(name);
    }
}
