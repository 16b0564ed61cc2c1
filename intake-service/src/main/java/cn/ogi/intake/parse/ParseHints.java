package cn.ogi.intake.parse;

/**
 * What the caller already knows about the report. Both fields are nullable; a year given here overrides the
 * year read from the title (a note records any disagreement).
 */
public record ParseHints(String agencyCode, Integer year) {

    public static ParseHints none() {
        return new ParseHints(null, null);
    }
}
