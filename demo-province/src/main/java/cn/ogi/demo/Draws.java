package cn.ogi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** The demo's random counts and amounts, drawn from one agency's stream (so the same draws in the same order). */
final class Draws {

    private final SplittableRandom random;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    static BigDecimal amount(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    long binomial(long n, double p) {
        if (n > 200) {
            double mean = n * p;
            long draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian());
            return Math.max(0, Math.min(n, draw));
        }
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** Splits n into the shares (which need not sum to 1) by successive binomials. */
    long[] multinomial(long n, double[] shares) {
        long[] counts = new long[shares.length];
        double rest = 0;
        for (double s : shares) {
            rest += s;
        }
        long left = n;
        for (int i = 0; i < shares.length - 1 && left > 0; i++) {
            long k = binomial(left, Math.min(1, shares[i] / rest));
            counts[i] = k;
            left -= k;
            rest -= shares[i];
        }
        counts[shares.length - 1] += left;
        return counts;
    }
}
