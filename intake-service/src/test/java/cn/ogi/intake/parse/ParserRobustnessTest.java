package cn.ogi.intake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any input either parses or raises {@link UnreadableReportException}, quickly: 1,000 seeded mutations of the
 * shared fixtures (when present) and of synthetic reports — cut, shuffled, sprinkled with random characters,
 * or encoded as GBK and decoded as UTF-8.
 */
class ParserRobustnessTest {

    private static final int CASES = 1_000;
    private static final long SEED = 20240601L;
    private static final Duration HANG_GUARD = Duration.ofSeconds(2);
    private static final long SLOW_MILLIS = 1_000;

    private final ReportTextParser parser = new ReportTextParser();

    @Test
    void everyMutatedTextEitherParsesOrIsRejectedAsUnreadableWellUnderASecond() {
        List<String> sources = sources();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        long slowest = 0;
        for (int i = 0; i < CASES; i++) {
            String source = sources.get(random.nextInt(sources.size()));
            int kind = i % 6;
            String text = mutate(source, kind, new Random(SEED + i));
            int caseNo = i;
            long start = System.nanoTime();
            Boolean ok = assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> {
                        try {
                            parser.parse(text, ParseHints.none());
                            return true;
                        } catch (UnreadableReportException e) {
                            if (e.getCause() != null) {
                                failures.add(
                                        "case " + caseNo + " (mutation " + kind + "): internal error " + e.getCause());
                            }
                            return false;
                        } catch (RuntimeException e) {
                            failures.add("case " + caseNo + " (mutation " + kind + "): threw " + e);
                            return false;
                        }
                    },
                    () -> "case " + caseNo + " (mutation " + kind + ") hung");
            long millis = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, millis);
            if (millis > SLOW_MILLIS) {
                failures.add("case " + caseNo + " (mutation " + kind + ") took " + millis + " ms");
            }
            if (ok) {
                parsed++;
            }
        }
        System.out.printf(
                "robustness: %d cases, %d parsed, %d unreadable, slowest %d ms%n",
                CASES, parsed, CASES - parsed, slowest);
        assertEquals(List.of(), failures);
    }

    private static String mutate(String s, int kind, Random r) {
        switch (kind) {
            case 0 -> {
                int a = r.nextInt(s.length() + 1);
                return r.nextBoolean() ? s.substring(0, a) : s.substring(a);
            }
            case 1 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                Collections.shuffle(lines, r);
                return String.join("\n", lines);
            }
            case 2 -> {
                StringBuilder sb = new StringBuilder(s);
                int n = 1 + r.nextInt(40);
                for (int k = 0; k < n; k++) {
                    char c = (char) (r.nextBoolean() ? r.nextInt(128) : 0x4e00 + r.nextInt(0x5000));
                    sb.insert(
                            r.nextInt(sb.length() + 1),
                            r.nextInt(4) == 0
                                    ? "|"
                                    : r.nextInt(3) == 0 ? String.valueOf(r.nextInt(1000)) : String.valueOf(c));
                }
                return sb.toString();
            }
            case 3 -> {
                return new String(s.getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8);
            }
            case 4 -> {
                byte[] bytes = new byte[r.nextInt(5_000)];
                r.nextBytes(bytes);
                String noise = new String(bytes, StandardCharsets.UTF_8);
                return r.nextBoolean() ? noise : s.substring(0, r.nextInt(s.length() + 1)) + noise;
            }
            default -> {
                // delete a random span of lines and duplicate another
                List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                int a = r.nextInt(lines.size());
                int b = Math.min(lines.size(), a + r.nextInt(20));
                List<String> dup = new ArrayList<>(lines.subList(r.nextInt(lines.size()), lines.size()));
                lines.subList(a, b).clear();
                lines.addAll(r.nextInt(lines.size() + 1), dup.subList(0, Math.min(dup.size(), 30)));
                return String.join("\n", lines);
            }
        }
    }

    private static List<String> sources() {
        List<String> sources = new ArrayList<>();
        for (SyntheticReport.Layout l : SyntheticReport.Layout.values()) {
            sources.add(SyntheticReport.edition2021().layout(l).text());
            sources.add(SyntheticReport.edition2019().layout(l).text());
        }
        for (Path p : SharedFixtures.texts()) {
            try {
                sources.add(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
