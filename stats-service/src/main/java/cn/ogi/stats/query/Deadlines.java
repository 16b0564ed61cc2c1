package cn.ogi.stats.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.ZoneId;

/**
 * When reports are due, per agency kind, as a day of the year after the reporting year (REPORT-FORMAT.md:
 * departments publish by 31 January, governments by 31 March), and which date of a report's first version
 * is held against it — see {@link cn.ogi.stats.model.CompletenessRules}, the value the read model is kept with.
 * A change of any of these is noticed at start and the completeness counts are recomputed (README).
 */
@ConfigMapping(prefix = "stats.deadline")
public interface Deadlines {

    /** What the first version is judged by. */
    enum Basis {
        /**
         * The stated publishedOn when it is not after the day received and lies at most {@link #graceDays()}
         * before it (any distance for history an admin imported and marked as such); else the day received.
         */
        PUBLISHED_ON,
        /** the day the platform received the first version. */
        RECEIVED
    }

    /** MM-dd, e.g. 01-31. */
    @WithDefault("01-31")
    String department();

    /** MM-dd, e.g. 03-31; also used for agencies whose kind is not known yet. */
    @WithDefault("03-31")
    String government();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** {@code published-on} or {@code received}. */
    @WithDefault("published-on")
    @WithName("basis")
    Basis basis();

    /**
     * How many days before the day received a stated publishedOn may lie and still count; a report received
     * later than that is judged by the day received unless it is history imported by an admin.
     */
    @WithDefault("30")
    @WithName("grace-days")
    int graceDays();
}
