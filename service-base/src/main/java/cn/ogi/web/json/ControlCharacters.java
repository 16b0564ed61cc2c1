package cn.ogi.web.json;

/**
 * Characters no report, name or parameter may hold: C0 controls except tab, line feed, carriage return and form
 * feed (page breaks of extracted PDF text), DEL and the C1 controls. PostgreSQL cannot store NUL in text at all,
 * and the others are invisible in every screen and export that shows the value.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    public static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c <= 0x9f);
    }

    /** The index of the first forbidden character, or -1. */
    public static int indexIn(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** E.g. "contains the control character U+0000 at character 12". */
    public static String describe(CharSequence text, int index) {
        return "contains the control character U+" + String.format("%04X", (int) text.charAt(index)) + " at character "
                + (index + 1) + "; control characters other than tab and line breaks are refused";
    }
}
