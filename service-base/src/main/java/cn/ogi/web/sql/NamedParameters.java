package cn.ogi.web.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement with {@code :name} parameters turned into JDBC's {@code ?} and the names in their order (a name may
 * come more than once). Quoted text, quoted identifiers, comments and {@code ::} casts are left alone. Parsed once per
 * statement text: the statements are constants, so the write path pays a map look-up, not a parse.
 */
record NamedParameters(String jdbc, List<String> names) {

    private static final int CACHED = 2_000;
    private static final Map<String, NamedParameters> PARSED = new ConcurrentHashMap<>();

    static NamedParameters of(String sql) {
        NamedParameters parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (PARSED.size() < CACHED) { // statements built at run time (multi-row VALUES) are not kept forever
                PARSED.put(sql, parsed);
            }
        }
        return parsed;
    }

    static NamedParameters parse(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closing(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))) {
                end = i + 2;
                while (end < n && isNamePart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            jdbc.append(sql, i, end);
            i = end;
        }
        return new NamedParameters(jdbc.toString(), List.copyOf(names));
    }

    /** The index after the quote closing the one at {@code start} (a doubled quote is part of the text). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
