package cn.ogi.reader.render;

import cn.ogi.form.edition.CellType;
import java.math.BigDecimal;
import java.util.Random;

/** The shapes of published numbers: how big, how often zero, how many decimals. */
final class Values {

    private Values() {}

    /**
     * Digits of a Table 1 row's counts: decisions (许可, 处罚, 强制) up to 6–7 digits in a city; documents, items and
     * procurement projects 1–3 digits.
     */
    static int pickDigits(String firstColumn, Random rnd) {
        if (!firstColumn.equals("decisions") && !firstColumn.equals("previousYearItems")) {
            return 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 2);
        }
        int p = rnd.nextInt(100);
        return p < 30 ? 1 : p < 55 ? 2 : p < 72 ? 3 : p < 84 ? 4 : p < 92 ? 5 : p < 97 ? 6 : 7;
    }

    static BigDecimal tableOne(CellType type, int digits, Random rnd) {
        if (rnd.nextInt(100) < 35) {
            return BigDecimal.ZERO;
        }
        return switch (type) {
            case COUNT -> BigDecimal.valueOf(upTo(digits, rnd));
            case SIGNED_COUNT -> BigDecimal.valueOf((rnd.nextBoolean() ? -1 : 1) * upTo(Math.min(digits, 3), rnd));
            case AMOUNT -> amountWan(rnd);
        };
    }

    /** An amount in 万元 with 0–6 decimals (7730.28, 4068.208, 0.35, 96171.6). */
    static BigDecimal amountWan(Random rnd) {
        long whole = rnd.nextInt(4) == 0 ? 0 : upTo(1 + rnd.nextInt(5), rnd);
        int scale = rnd.nextInt(7);
        long fraction = scale == 0 ? 0 : (long) (rnd.nextDouble() * Math.pow(10, scale));
        BigDecimal v = BigDecimal.valueOf(whole).add(BigDecimal.valueOf(fraction, scale));
        return v.signum() == 0 ? new BigDecimal("0.5") : v;
    }

    private static long upTo(int digits, Random rnd) {
        long max = (long) Math.pow(10, digits);
        return 1 + (long) (rnd.nextDouble() * (max - 1));
    }

    /** A year's new applications: most agencies a handful, some hundreds, a city's few thousands to 30,000. */
    static int intakeSize(Random rnd) {
        int p = rnd.nextInt(100);
        if (p < 20) {
            return rnd.nextInt(3);
        }
        if (p < 50) {
            return 1 + rnd.nextInt(20);
        }
        if (p < 78) {
            return 10 + rnd.nextInt(300);
        }
        if (p < 95) {
            return 300 + rnd.nextInt(4000);
        }
        return 4000 + rnd.nextInt(26000);
    }

    /** Shares of the applicant columns: natural persons most, companies some, the others often none. */
    static double[] applicantShares(int columns, Random rnd) {
        double[] w = new double[columns];
        w[0] = 3 + rnd.nextDouble() * 10;
        for (int i = 1; i < columns; i++) {
            w[i] = rnd.nextInt(3) == 0 ? rnd.nextDouble() * (i == 1 ? 3 : 0.7) : 0;
        }
        return normalise(w);
    }

    /** Weights of the outcome rows: granted and not held large, a random few others, most rows zero. */
    static double[] outcomeWeights(int rows, Random rnd) {
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            w[i] = rnd.nextInt(4) == 0 ? rnd.nextDouble() : 0;
        }
        w[0] += 1 + rnd.nextDouble() * 3;
        return normalise(w);
    }

    private static double[] normalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Splits {@code total} into parts by weight, rounding so that the parts sum to the total exactly. */
    static long[] distribute(long total, double[] weights, Random rnd) {
        long[] parts = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            parts[i] = (long) Math.floor(total * weights[i] * (0.7 + rnd.nextDouble() * 0.6));
            given += parts[i];
        }
        while (given > total) {
            int i = rnd.nextInt(parts.length);
            if (parts[i] > 0) {
                parts[i]--;
                given--;
            }
        }
        while (given < total) {
            int i = pickByWeight(weights, rnd);
            parts[i]++;
            given++;
            if (total - given > 1000) { // large remainders in chunks, so that a city's figures stay quick
                long chunk = (total - given) / 4;
                parts[i] += chunk;
                given += chunk;
            }
        }
        return parts;
    }

    private static int pickByWeight(double[] weights, Random rnd) {
        double r = rnd.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return i;
            }
        }
        return 0;
    }
}
