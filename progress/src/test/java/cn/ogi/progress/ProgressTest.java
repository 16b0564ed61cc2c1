package cn.ogi.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves by hand. */
    static final class Clock {
        long nanos = 1_000_000_000L;

        void seconds(double s) {
            nanos += (long) (s * 1e9);
        }
    }

    final Clock clock = new Clock();
    final List<String> written = new ArrayList<>();

    Progress log(long total) {
        return new Progress("load", "reports", total, written::add, false, Duration.ofSeconds(5), () -> clock.nanos);
    }

    @Test
    void doneTotalRateAndTimeLeftAreWhatTheFiguresSay() {
        Progress progress = log(1000);
        clock.seconds(10);
        progress.update(250);
        Progress.Snapshot at = progress.snapshot();
        assertEquals(250, at.done());
        assertEquals(1000, at.total());
        assertEquals(25.0, at.ratePerSecond(), 1e-9);
        assertEquals(30.0, at.etaSeconds(), 1e-9); // 750 left at 25/s
        assertEquals(Duration.ofSeconds(10), at.elapsed());
        assertEquals(List.of("load: 250/1,000 reports (25%), 25.0 reports/s, 10.0 s elapsed, 30.0 s left"), written);
    }

    @Test
    void nothingDoneYetHasNoTimeLeftRatherThanAGuess() {
        Progress progress = log(1000);
        assertNull(progress.snapshot().ratePerSecond()); // no time has passed
        clock.seconds(3);
        progress.update(0);
        assertEquals(0.0, progress.snapshot().ratePerSecond());
        assertNull(progress.snapshot().etaSeconds());
        assertTrue(written.get(0).endsWith("time left unknown"), written.get(0));
    }

    @Test
    void aLogGetsALineEveryIntervalAndTheLastOneAlways() {
        Progress progress = log(100);
        for (int i = 1; i <= 100; i++) {
            clock.seconds(0.5);
            progress.update(i);
        }
        // the first at 0.5 s, then every 5 s: 5.5, 10.5, …, 45.5 s (10 lines), then the last, finished
        assertEquals(10, written.size(), String.join("\n", written));
        progress.finish();
        progress.finish();
        progress.update(100);
        assertEquals(11, written.size());
        assertEquals("load: 100/100 reports (100%), 2.0 reports/s, 50.0 s elapsed, done", written.get(10));
        assertTrue(progress.snapshot().finished());
        clock.seconds(100); // a finished job's figures stay as they were when it finished
        assertEquals(Duration.ofSeconds(50), progress.snapshot().elapsed());
        assertEquals(2.0, progress.snapshot().ratePerSecond(), 1e-9);
    }

    @Test
    void aTerminalLineIsRedrawnInPlaceAndEndsWhenFinished() {
        Progress progress =
                new Progress("rebuild", "events", 2000, written::add, true, Progress.REDRAW, () -> clock.nanos);
        clock.seconds(1);
        progress.update(1500, "phase 1");
        clock.seconds(0.1);
        progress.update(1600); // within 200 ms of the last drawing: not drawn
        clock.seconds(1);
        progress.update(2000);
        progress.finish();
        assertEquals(3, written.size(), written.toString());
        assertTrue(written.get(0).startsWith("\rrebuild: 1,500/2,000 events (75%), 1,500 events/s"), written.get(0));
        assertTrue(written.get(0).endsWith(", phase 1"));
        // a shorter line is padded over the longer one before it; the last one ends the line
        assertEquals(written.get(0).length(), written.get(1).length());
        assertTrue(written.get(2).endsWith("\n"));
        assertTrue(written.get(2).contains("done"), written.get(2));
    }

    @Test
    void doneNeverGoesBackAndTheTotalMayGrow() {
        Progress progress = log(10);
        clock.seconds(1);
        progress.update(8);
        progress.update(5);
        progress.advance(1);
        assertEquals(9, progress.snapshot().done());
        progress.total(20);
        assertEquals(20, progress.snapshot().total());
        assertEquals(11.0 / 9, progress.snapshot().etaSeconds(), 1e-9); // 11 left at 9/s
    }

    @Test
    void durationsAndRatesReadAsPeopleWriteThem() {
        assertEquals("4.2 s", Progress.duration(4.2));
        assertEquals("3 min 05 s", Progress.duration(185));
        assertEquals("1 h 02 min", Progress.duration(3725));
        assertEquals("2.5", Progress.rate(2.5));
        assertEquals("12,346", Progress.rate(12345.6));
    }

    @Test
    void theSettingChoosesTheTerminalLineOrLogLines() {
        assertTrue(Progress.onTerminal("terminal"));
        assertEquals(false, Progress.onTerminal("lines"));
        assertEquals(false, Progress.onTerminal(null)); // the test's standard output is not a terminal
    }

    @Test
    void theFactoriesWriteWhereTheySay() {
        List<String> lines = new ArrayList<>();
        Progress logged = Progress.toLog("x", "rows", 2, lines::add, Duration.ofSeconds(5));
        logged.update(1);
        logged.finish();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("x: 1/2 rows (50%)"), lines.get(1));
        Progress silent = Progress.silent("y", "rows", 3);
        silent.update(3);
        assertEquals(3, silent.snapshot().done());
        Progress console = Progress.onConsole("z", "rows", 0); // the test's stdout is not a terminal
        console.finish();
        assertEquals("0/0 rows, ", console.snapshot().describe("rows").substring(0, 10));
    }
}
