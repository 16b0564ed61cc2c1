package cn.ogi.form.json;

/** How strictly {@link ReportJson#read} checks a report. */
public enum ReadMode {
    /** Pushed through the API: agencyCode (valid) and year required; every required cell present and non-null. */
    PUSH,
    /** As printed (imports, fixtures): blank cells allowed, agencyCode optional but checked if present;
     *  the fixture annotations {@code notes}, {@code findings}, {@code acceptAlso} are ignored. */
    PUBLISHED
}
