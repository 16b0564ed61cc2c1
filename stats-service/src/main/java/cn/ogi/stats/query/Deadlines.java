package cn.ogi.stats.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * When reports are due, per agency kind, as a day of the year after the reporting year (REPORT-FORMAT.md:
 * departments by 31 January, governments by 31 March). A report is on time when its first version was
 * submitted before the end of that day in the configured zone.
 */
@ConfigMapping(prefix = "stats.deadline")
public interface Deadlines {

    /** MM-dd, e.g. 01-31. */
    @WithDefault("01-31")
    String department();

    /** MM-dd, e.g. 03-31; also used for agencies whose kind is not known yet. */
    @WithDefault("03-31")
    String government();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    default LocalDate due(String kind, int year) {
        String day = "department".equals(kind) ? department() : government();
        return MonthDay.parse("--" + day).atYear(year + 1);
    }

    default boolean onTime(String kind, int year, OffsetDateTime firstSubmittedAt) {
        return firstSubmittedAt.toInstant().isBefore(due(kind, year).plusDays(1).atStartOfDay(zone()).toInstant());
    }
}
