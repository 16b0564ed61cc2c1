package cn.ogi.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command line: generates the province (or the country) and loads it ({@link DemoLoader}), writes it
 * to files, or only counts it.
 * <pre>
 * java -jar demo-province/target/demo-province.jar [--intake http://localhost:8081]
 *     [--reporting http://localhost:8082] [--token JWT] [--full|--standard|--small] [--seed N]
 *     [--cities N] [--counties-per-city N] [--departments-per-government N] [--provincial-departments N]
 *     [--from YEAR] [--to YEAR] [--chunk LINES] [--timeout SECONDS] [--write DIR] [--dry-run]
 * </pre>
 * Default: the full province (issue 5), seed 2024. {@code --write DIR} writes {@code registry.csv} and
 * {@code reports-<year>.ndjson} instead of loading; {@code --dry-run} only generates and prints the counts.
 */
public final class DemoCommand {

    private DemoCommand() {}

    public static void main(String[] args) throws Exception {
        DemoSettings.Parsed parsed;
        try {
            parsed = DemoSettings.parse(DemoSettings.full(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        String intake = "http://localhost:8081";
        String reporting = "http://localhost:8082";
        String token = System.getenv("OGI_TOKEN");
        int chunk = 2000;
        long timeoutSeconds = 3600;
        Path write = null;
        Path writeFeed = null;
        boolean dryRun = false;
        boolean country = false;
        List<String> rest = parsed.rest();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--intake" -> intake = next(rest, ++i, arg);
                case "--reporting" -> reporting = next(rest, ++i, arg);
                case "--token" -> token = next(rest, ++i, arg);
                case "--chunk" -> chunk = Integer.parseInt(next(rest, ++i, arg));
                case "--timeout" -> timeoutSeconds = Long.parseLong(next(rest, ++i, arg));
                case "--write" -> write = Path.of(next(rest, ++i, arg));
                case "--write-feed" -> writeFeed = Path.of(next(rest, ++i, arg));
                case "--country" -> country = true;
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("demo: unknown option " + arg + "\n" + usage());
                    System.exit(2);
                    return;
                }
            }
        }
        if (country) {
            country(args, writeFeed, dryRun);
            return;
        }
        province(parsed.settings(), write, dryRun, new Target(intake, reporting, token, chunk, timeoutSeconds));
    }

    /** Where and how to load: the two services, the admin's token, the chunk size, the wait for the outbox. */
    private record Target(String intake, String reporting, String token, int chunk, long timeoutSeconds) {
        DemoLoader loader() {
            return new DemoLoader(
                    URI.create(intake), URI.create(reporting), token, chunk, Duration.ofSeconds(timeoutSeconds));
        }
    }

    /** Generates the province, then loads it, writes it to files, or (a dry run) only counts it. */
    private static void province(DemoSettings settings, Path write, boolean dryRun, Target target)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Demo demo = DemoProvince.generate(settings);
        System.out.printf(Locale.ROOT, "demo: generated in %.1f s: %s%n", DemoLoader.seconds(started), summary(demo));
        if (dryRun) {
            return;
        }
        if (write != null) {
            write(demo, write);
            return;
        }
        try {
            target.loader().load(demo);
        } catch (DemoLoader.LoadFailure e) {
            System.err.println("demo: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One line about what was generated. */
    static String summary(Demo demo) {
        DemoSettings s = demo.settings();
        return String.format(
                Locale.ROOT,
                "%d jurisdictions, %d agencies, %d reports %d–%d (%d missing, %d late, "
                        + "%d with deliberate warnings), seed %d",
                demo.jurisdictions().size(),
                demo.agencies().size(),
                demo.submissions().size(),
                s.fromYear(),
                s.toYear(),
                demo.missing().size(),
                demo.late().size(),
                demo.warnings().size(),
                s.seed());
    }

    /**
     * The country ({@link DemoCountry}) is written as a change feed, never loaded through intake (three million
     * reports): the national benchmark serves it to stats in place of reporting-service.
     */
    private static void country(String[] args, Path writeFeed, boolean dryRun) throws IOException {
        DemoSettings shape = DemoSettings.countryProvince();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                shape = shape.withSeed(Long.parseLong(args[i + 1]));
            }
        }
        System.out.println("demo: country of " + DemoCountry.describe(shape));
        if (dryRun) {
            return;
        }
        if (writeFeed == null) {
            System.err.println("demo: --country is written as a change feed: give --write-feed DIR");
            System.exit(2);
        }
        long started = System.nanoTime();
        DemoCountry.Written written = DemoCountry.writeFeed(shape, writeFeed);
        System.out.printf(
                Locale.ROOT, "demo: wrote %s to %s in %.0f s%n", written, writeFeed, DemoLoader.seconds(started));
    }

    /** Writes registry.csv and reports-YEAR.ndjson into the directory. */
    static void write(Demo demo, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("registry.csv"), demo.registryCsv(), StandardCharsets.UTF_8);
        for (int year = demo.settings().fromYear(); year <= demo.settings().toYear(); year++) {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("reports-" + year + ".ndjson")))) {
                Demo.writeNdjson(demo.submissions(year), out);
            }
        }
        System.out.println("demo: wrote registry.csv and reports-<year>.ndjson to " + dir);
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static String usage() {
        return """
                usage: java -jar demo-province/target/demo-province.jar [options]
                  --intake URL                    intake-service (default http://localhost:8081)
                  --reporting URL                 reporting-service (default http://localhost:8082)
                  --token JWT                     bearer token with the admin role (default: $OGI_TOKEN)
                  --full | --standard | --small   preset size (default --full: 16 cities × 9 counties, 9,521 agencies)
                  --seed N                        default 2024; same seed and knobs → the same province
                  --cities N --counties-per-city N --departments-per-government N --provincial-departments N
                  --from YEAR --to YEAR           default 2019–2024
                  --missing-rate R --late-rate R --warning-rate R --reform-rate R
                  --chunk LINES                   NDJSON lines per batch (default 2000)
                  --timeout SECONDS               how long to wait for intake's outbox to empty (default 3600)
                  --write DIR                     write registry.csv and reports-YEAR.ndjson instead of loading
                  --dry-run                       only generate and print the counts
                  --country --write-feed DIR      the demo country (31 provinces, ≈ 300,000 agencies, 2019–2028) written
                                                  as reporting-service's change feed (gzip NDJSON), for the national
                                                  benchmark of stats (deploy/bench/stats --country); --seed N applies""";
    }
}
