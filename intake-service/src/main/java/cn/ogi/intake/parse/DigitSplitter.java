package cn.ogi.intake.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits digits that were printed without separators ({@code 396442278}) into a given number of numbers. Every
 * composition is a candidate; the caller keeps the ones that satisfy the table's own sums. Parts never have a
 * leading zero (a cell prints {@code 0}, never {@code 05}).
 */
final class DigitSplitter {

    /** Beyond this many compositions the digits are not split at all (the answer would be a guess). */
    static final int MAX_CANDIDATES = 20_000;

    private DigitSplitter() {}

    /** All splits of {@code digits} into {@code parts} numbers, or an empty list when there are too many. */
    static List<List<BigDecimal>> split(String digits, int parts) {
        List<List<BigDecimal>> out = new ArrayList<>();
        if (parts <= 0 || digits.length() < parts || digits.length() > 60) {
            return out;
        }
        if (binomial(digits.length() - 1, parts - 1) > MAX_CANDIDATES) {
            return out;
        }
        collect(digits, 0, parts, new ArrayList<>(), out);
        return out;
    }

    /** The equal-width split ({@code 396442278} in 3 → 396/442/278), or null when the length does not divide. */
    static List<BigDecimal> equalWidth(String digits, int parts) {
        if (parts <= 0 || digits.length() % parts != 0) {
            return null;
        }
        int w = digits.length() / parts;
        List<BigDecimal> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            String p = digits.substring(i * w, (i + 1) * w);
            if (p.length() > 1 && p.charAt(0) == '0') {
                return null;
            }
            out.add(new BigDecimal(p));
        }
        return out;
    }

    private static void collect(String digits, int from, int parts, List<BigDecimal> acc, List<List<BigDecimal>> out) {
        if (out.size() > MAX_CANDIDATES) {
            return;
        }
        if (parts == 1) {
            String rest = digits.substring(from);
            if ((rest.length() > 1 && rest.charAt(0) == '0') || rest.length() > 18) {
                return;
            }
            List<BigDecimal> done = new ArrayList<>(acc);
            done.add(new BigDecimal(rest));
            out.add(done);
            return;
        }
        int maxEnd = digits.length() - (parts - 1);
        for (int end = from + 1; end <= maxEnd; end++) {
            String p = digits.substring(from, end);
            if ((p.length() > 1 && p.charAt(0) == '0') || p.length() > 18) {
                break;
            }
            acc.add(new BigDecimal(p));
            collect(digits, end, parts - 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }

    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        k = Math.min(k, n - k);
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Long.MAX_VALUE / 64) {
                return Long.MAX_VALUE;
            }
        }
        return r;
    }
}
