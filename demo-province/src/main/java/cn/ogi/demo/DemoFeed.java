package cn.ogi.demo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A change feed on disk, as reporting-service's {@code GET /api/v1/changes} would serve it: one JSON event per
 * line ({@code {"seq", "type", "key", "recordedAt", "payload"}}), seq 1, 2, 3 …, in gzip files of
 * {@link #CHUNK} events ({@code feed-000000.ndjson.gz} holds seq 1–10,000), and {@code feed.properties} with the
 * counts. Written by {@link DemoCountry}; read a page at a time by a stand-in for reporting-service (the
 * national benchmark), which is how stats is loaded from it through its own consumer.
 */
public final class DemoFeed {

    /** Events per file. */
    public static final int CHUNK = 10_000;

    public static final String PROPERTIES = "feed.properties";

    private DemoFeed() {}

    /** Writes events in seq order into the chunk files; {@link #close} writes the properties. */
    public static final class Writer implements Closeable {
        private final Path dir;
        private final int chunk;
        private final Properties properties = new Properties();
        private long seq;
        private java.io.Writer out;

        public Writer(Path dir) throws IOException {
            this(dir, CHUNK);
        }

        Writer(Path dir, int chunk) throws IOException {
            this.dir = dir;
            this.chunk = chunk;
            Files.createDirectories(dir);
        }

        /**
         * Appends one event; {@code eventWithoutSeq} is its JSON object without the seq ({@code {"type": …}}).
         * Returns the seq it got.
         */
        public long append(byte[] eventWithoutSeq) throws IOException {
            if (seq % chunk == 0) {
                closeChunk();
                out = new BufferedWriter(
                        new OutputStreamWriter(
                                fastGzip(Files.newOutputStream(file(dir, seq / chunk))), StandardCharsets.UTF_8),
                        1 << 16);
            }
            seq++;
            out.write("{\"seq\":");
            out.write(Long.toString(seq));
            out.write(',');
            out.write(new String(eventWithoutSeq, 1, eventWithoutSeq.length - 1, StandardCharsets.UTF_8));
            out.write('\n');
            return seq;
        }

        public void property(String key, Object value) {
            properties.setProperty(key, String.valueOf(value));
        }

        public long seq() {
            return seq;
        }

        @Override
        public void close() throws IOException {
            closeChunk();
            properties.setProperty("events", Long.toString(seq));
            properties.setProperty("chunk", Integer.toString(chunk));
            try (OutputStream p = Files.newOutputStream(dir.resolve(PROPERTIES))) {
                properties.store(p, "a demo change feed (DemoFeed)");
            }
        }

        private void closeChunk() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }

    /** Reads pages of events (their JSON lines) after a seq, mostly in order. */
    public static final class Reader implements Closeable {
        private final Path dir;
        private final long events;
        private final int chunk;
        private BufferedReader in;
        private long position = -1;

        public Reader(Path dir) throws IOException {
            this.dir = dir;
            Properties p = properties(dir);
            if (p.getProperty("events") == null) {
                throw new IOException("no complete feed in " + dir + " (" + PROPERTIES + " is missing)");
            }
            this.events = Long.parseLong(p.getProperty("events"));
            this.chunk = Integer.parseInt(p.getProperty("chunk", Integer.toString(CHUNK)));
        }

        /** The newest seq of the feed. */
        public long latestSeq() {
            return events;
        }

        /** Up to {@code limit} events with seq > after, as JSON lines. */
        public synchronized List<String> page(long after, int limit) throws IOException {
            List<String> lines = new ArrayList<>(limit);
            if (after >= events) {
                return lines;
            }
            if (after != position) {
                seek(after);
            }
            while (lines.size() < limit && position < events) {
                if (position % chunk == 0) {
                    open(position);
                }
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("feed chunk ended early at seq " + position + " in " + dir);
                }
                lines.add(line);
                position++;
            }
            return lines;
        }

        private void seek(long after) throws IOException {
            open(after - after % chunk);
            for (long s = after - after % chunk; s < after; s++) {
                in.readLine();
            }
            position = after;
        }

        /** Opens the file whose first event is seq {@code before + 1}. */
        private void open(long before) throws IOException {
            close();
            in = new BufferedReader(
                    new InputStreamReader(
                            new GZIPInputStream(Files.newInputStream(file(dir, before / chunk)), 1 << 16),
                            StandardCharsets.UTF_8),
                    1 << 16);
            position = before;
        }

        @Override
        public synchronized void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }

    /** The properties of a written feed, or empty properties if there is none (or it is incomplete). */
    public static Properties properties(Path dir) {
        Properties p = new Properties();
        Path file = dir.resolve(PROPERTIES);
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static Path file(Path dir, long index) {
        return dir.resolve(String.format(Locale.ROOT, "feed-%06d.ndjson.gz", index));
    }

    /** gzip at the fastest level: the files are written once per machine and read once per run. */
    private static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
