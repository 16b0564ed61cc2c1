package cn.ogi.reader.layout;

import java.util.regex.Pattern;

/** Page numbers that page layouts put between the lines of a table ({@code -3-}, {@code 第 2 页}, {@code 3/6}). */
public final class Footers {

    private static final Pattern PAGE_FOOTER = Pattern.compile("[-—–－]\\s*\\d{1,3}\\s*[-—–－]"
            + "|第\\s*\\d{1,3}\\s*页(\\s*[,，]?\\s*共\\s*\\d{1,3}\\s*页)?"
            + "|\\d{1,3}\\s*/\\s*\\d{1,3}"
            + "|共\\s*\\d{1,3}\\s*页\\s*第\\s*\\d{1,3}\\s*页"
            + "|[-—–－]?\\s*第\\s*\\d{1,3}\\s*页\\s*[-—–－]?");

    private Footers() {}

    public static boolean isPageFooter(String line) {
        String t = line.strip();
        return !t.isEmpty() && t.length() <= 20 && PAGE_FOOTER.matcher(t).matches();
    }
}
