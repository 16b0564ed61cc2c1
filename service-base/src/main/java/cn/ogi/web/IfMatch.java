package cn.ogi.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report version a conditional correction expects, from If-Match: reporting-service's ETag of a
 * report is its version number ({@code "3"}, or {@code "3-approved"} when locked).
 */
public final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d+)(?:-approved)?\"?\\s*$");

    private IfMatch() {}

    /** The expected version, or null without If-Match; 400 when it is not a report ETag. */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = VERSION_TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ProblemException.badRequest(
                    "invalid-if-match",
                    "If-Match must be the report's ETag (its version number, e.g. \"3\"), got " + ifMatch);
        }
        return Integer.valueOf(m.group(1));
    }
}
