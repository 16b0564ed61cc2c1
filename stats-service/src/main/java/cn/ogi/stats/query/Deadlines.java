package cn.ogi.stats.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * When reports are due, per agency kind, as a day of the year after the reporting year (REPORT-FORMAT.md:
 * departments publish by 31 January, governments by 31 March), and which date of a report's first version
 * is held against it.
 * <p>
 * The obligation is to <em>publish</em> by the deadline, so with {@code basis=published-on} (the default)
 * the first version's {@code publishedOn} — the date printed at the end of the report — counts when the
 * report states one and it is not later than the day the platform received it; otherwise the day it was
 * received counts. This is what makes reports collected after the fact (history imported from the agencies'
 * web sites, a platform started mid-year) judged by when they were published, not by when they were
 * collected. A province that does not accept self-declared dates sets {@code basis=received}. The rule is applied
 * in SQL by {@link CompletenessQueries}.
 */
@ConfigMapping(prefix = "stats.deadline")
public interface Deadlines {

    /** What the first version is judged by. */
    enum Basis {
        /** publishedOn when stated and not after the receipt day, else the receipt day. */
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

    /** The due day of an agency kind: departments' day for {@code department}, governments' for any other. */
    default MonthDay dueDay(String kind) {
        return MonthDay.parse("--" + ("department".equals(kind) ? department() : government()));
    }
}
