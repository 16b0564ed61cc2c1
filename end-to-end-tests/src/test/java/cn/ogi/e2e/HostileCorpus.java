package cn.ogi.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Hostile bodies, generated from a seed so that every run sends the same ones: body {@code i} of a corpus is a
 * function of (seed, i) alone. Each is a valid document bent one way an attacker or a careless client would —
 * huge, infinite, negative or fractional numbers, control characters, deep nesting, long keys and strings,
 * wrong types, truncation, bytes that are not UTF-8 — or, now and then, left valid.
 */
final class HostileCorpus {

    static final long SEED = 20261212L;

    private static final List<String> NUMBERS = List.of(
            "1e309",
            "-1e309",
            "1E+999999999",
            "99999999999999999999999",
            "100000001",
            "-1",
            "0.1",
            "-0",
            "1.5e2",
            "2147483648",
            "9223372036854775808",
            "0.00001",
            "1e-400",
            "NaN",
            "Infinity",
            "0x10",
            "01",
            "+1",
            "1.",
            ".5",
            "1e",
            "--1",
            "\"12\"",
            "true",
            "null",
            "[]",
            "{}",
            "123456789012345678901234567890");
    private static final List<String> STRINGS = List.of(
            "\\u0000",
            "a\\u0000b",
            "\\u0001\\u0002",
            "\\u007f",
            "\\u0085",
            "\\ud800",
            "\\udfff\\ud800",
            "\\t\\n",
            "<script>alert(1)</script>",
            "'; DROP TABLE submission; --",
            "%00",
            "${jndi:ldap://x}",
            "\\\\",
            "",
            "ｆｕｌｌ　ｗｉｄｔｈ",
            "🀄️🇨🇳",
            "\\u202e\\u202d");

    private HostileCorpus() {}

    static Random random(String corpus, int i) {
        return new Random(SEED * 31 + corpus.hashCode() * 1_000_003L + i);
    }

    /** A hostile JSON body derived from the valid one. */
    static byte[] json(String valid, Random r) {
        int kind = r.nextInt(20);
        return switch (kind) {
            case 0, 1, 2 -> utf8(replaceNumber(valid, r, NUMBERS.get(r.nextInt(NUMBERS.size()))));
            case 3 -> utf8(replaceNumber(valid, r, bigDigits(r)));
            case 4 -> utf8(replaceString(valid, r, STRINGS.get(r.nextInt(STRINGS.size()))));
            case 5 -> utf8(replaceString(valid, r, "名".repeat(1 + r.nextInt(r.nextInt(10) == 0 ? 250_000 : 5_000))));
            case 6 -> utf8(nest(r.nextInt(3) == 0 ? 40 : 1000 + r.nextInt(2000), r.nextBoolean()));
            case 7 ->
                utf8(valid.replaceFirst(
                        "\\{", "{\"" + "k".repeat(200 + r.nextInt(r.nextInt(10) == 0 ? 600_000 : 5_000)) + "\": 1, "));
            case 8 -> utf8(manyKeys(valid, 1000 + r.nextInt(20_000)));
            case 9 -> utf8(valid.substring(0, r.nextInt(Math.max(1, valid.length()))));
            case 10 -> bytes(r, valid);
            case 11 -> utf8(wrongType(valid, r));
            case 12 -> utf8(valid.replaceFirst("\"agencyCode\":\"[^\"]*\"", "\"agencyCode\":" + garbageCode(r)));
            case 13 -> utf8(valid.replaceFirst("\"year\":\\d+", "\"year\":" + NUMBERS.get(r.nextInt(NUMBERS.size()))));
            case 14 -> utf8(duplicateKey(valid, r));
            case 15 ->
                utf8(List.of("", " ", "null", "[]", "\"\"", "0", "[{}]", "{\"report\":{}}", "\u0000")
                        .get(r.nextInt(9)));
            case 16 -> utf8(valid.replaceFirst("\"edition\":\"[^\"]*\"", "\"edition\":\"" + edition(r) + "\""));
            case 17 -> utf8(valid.replace("}", "}".repeat(1 + r.nextInt(3))).replaceFirst("\\{", "{{"));
            default -> utf8(valid); // left valid: the control group
        };
    }

    /** A hostile published text derived from the valid one. */
    static byte[] text(String valid, Random r) {
        int kind = r.nextInt(12);
        return switch (kind) {
            case 0 -> utf8(insert(valid, r, "\u0000"));
            case 1 -> utf8(insert(valid, r, String.valueOf((char) (1 + r.nextInt(31)))));
            case 2 -> utf8(valid.replaceFirst("\\| 9 \\|", "| " + bigDigits(r) + " |"));
            case 3 -> utf8(valid.replaceFirst("\\| 9 \\|", "| -" + (1 + r.nextInt(100)) + " |"));
            case 4 -> utf8(valid.substring(0, r.nextInt(Math.max(1, valid.length()))));
            case 5 -> bytes(r, valid);
            case 6 -> utf8(valid.repeat(2 + r.nextInt(r.nextInt(20) == 0 ? 100 : 4)));
            case 7 -> utf8("局".repeat(1 + r.nextInt(r.nextInt(20) == 0 ? 200_000 : 5_000)) + valid);
            case 8 -> utf8(STRINGS.get(r.nextInt(STRINGS.size())).replace("\\u0000", "\u0000"));
            case 9 -> utf8(valid.replace("|", r.nextBoolean() ? "" : "||"));
            case 10 -> utf8(valid.replaceAll("\\d", String.valueOf(r.nextInt(10))));
            default -> utf8(valid);
        };
    }

    /** A hostile registry body (a jurisdiction or an agency) derived from the valid one. */
    static byte[] registry(String valid, Random r) {
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0 -> utf8(replaceString(valid, r, "名".repeat(150 + r.nextInt(r.nextInt(10) == 0 ? 200_000 : 2_000))));
            case 1, 2 -> utf8(replaceString(valid, r, STRINGS.get(r.nextInt(STRINGS.size()))));
            case 3 -> utf8(replaceNumber(valid, r, NUMBERS.get(r.nextInt(NUMBERS.size()))));
            case 4 -> utf8(nest(200 + r.nextInt(2000), r.nextBoolean()));
            case 5 -> bytes(r, valid);
            case 6 -> utf8(valid.substring(0, r.nextInt(Math.max(1, valid.length()))));
            case 7 -> utf8(wrongType(valid, r));
            case 8 -> utf8(manyKeys(valid, 100 + r.nextInt(5000)));
            default -> utf8(valid);
        };
    }

    static String garbageCode(Random r) {
        return List.of(
                        "null",
                        "123",
                        "\"\"",
                        "\"11140800558745220\\u0000\"",
                        "\"" + "9".repeat(1 + r.nextInt(2000)) + "\"",
                        "\"1114080055874522OK\"",
                        "[\"a\"]",
                        "\"\\ud83d\\ude00\"")
                .get(r.nextInt(8));
    }

    static String bigDigits(Random r) {
        StringBuilder digits = new StringBuilder("9");
        int length = 9 + r.nextInt(r.nextInt(10) == 0 ? 5000 : 40);
        for (int i = 1; i < length; i++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return digits.toString();
    }

    private static String edition(Random r) {
        return List.of("2019", "2021", "legacy", "2099", "", "\\u0000", "2021 ", "../2021")
                .get(r.nextInt(8));
    }

    private static String replaceNumber(String json, Random r, String number) {
        return replaceNth(json, "(?<=[:\\[,])\\s*-?\\d+(\\.\\d+)?(?=[,}\\]])", r, n -> number);
    }

    private static String replaceString(String json, Random r, String text) {
        return replaceNth(json, "(?<=:)\"[^\"]*\"", r, s -> "\"" + text + "\"");
    }

    private static String wrongType(String json, Random r) {
        String[] values = {"\"x\"", "[]", "{}", "true", "null", "[1,2]", "{\"a\":{\"b\":1}}"};
        return replaceNth(
                json,
                "(?<=:)(\"[^\"]*\"|-?\\d+(\\.\\d+)?|\\{)",
                r,
                v -> v.equals("{") ? values[r.nextInt(values.length)] + ",\"x\":{" : values[r.nextInt(values.length)]);
    }

    private static String duplicateKey(String json, Random r) {
        return replaceNth(json, "\"[A-Za-z]+\":(-?\\d+|\"[^\"]*\")", r, member -> member + "," + member);
    }

    private static String replaceNth(String text, String regex, Random r, UnaryOperator<String> replacement) {
        var matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        if (count == 0) {
            return text;
        }
        int target = r.nextInt(count);
        matcher.reset();
        for (int i = 0; matcher.find(); i++) {
            if (i == target) {
                return text.substring(0, matcher.start())
                        + replacement.apply(matcher.group())
                        + text.substring(matcher.end());
            }
        }
        return text;
    }

    private static String nest(int depth, boolean arrays) {
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    private static String manyKeys(String json, int keys) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            extra.append("\"k").append(i).append("\":").append(i).append(',');
        }
        return json.replaceFirst("\\{", "{" + extra);
    }

    private static String insert(String text, Random r, String what) {
        int at = r.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    /** The valid body with random bytes in it: broken UTF-8 (GBK-like pairs), NULs, high bytes. */
    private static byte[] bytes(Random r, String valid) {
        byte[] body = utf8(valid);
        int changes = 1 + r.nextInt(8);
        for (int i = 0; i < changes && body.length > 0; i++) {
            body[r.nextInt(body.length)] = (byte) (r.nextBoolean() ? 0xC4 + r.nextInt(20) : r.nextInt(256));
        }
        return body;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
