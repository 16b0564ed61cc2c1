package cn.ogi.stats.model;

import cn.ogi.form.identity.AgencyKind;
import cn.ogi.stats.query.Deadlines;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The rules a report's lateness is judged by: the deadline day per agency kind (of the year after the
 * reporting year), the zone that day ends in, and which date of the first version counts as the day it was
 * filed. Completeness counts in {@code rollup} are kept with one set of rules; {@link #fingerprint()} is
 * stored with them, so that a change of configuration is noticed and the counts recomputed.
 *
 * @param graceDays how far before the day received a stated publishedOn may lie and still count
 */
public record CompletenessRules(
        MonthDay department, MonthDay government, ZoneId zone, Deadlines.Basis basis, int graceDays) {

    /** Which date decided the filed day of a report. */
    public enum DecidedBy {
        PUBLISHED_ON("publishedOn"),
        RECEIVED("received");

        private final String wireName;

        DecidedBy(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * How a first version is judged.
     *
     * @param receivedOn the day received, in the deadline zone
     * @param filedOn    the day that counts: receivedOn or the stated publishedOn
     * @param due        the deadline day of the agency's kind
     */
    public record Judgement(LocalDate receivedOn, LocalDate filedOn, DecidedBy decidedBy, LocalDate due) {
        public boolean late() {
            return filedOn.isAfter(due);
        }
    }

    public CompletenessRules {
        if (graceDays < 0) {
            throw new IllegalArgumentException("stats.deadline.grace-days must be 0 or more, got " + graceDays);
        }
    }

    public static CompletenessRules of(Deadlines config) {
        return new CompletenessRules(
                monthDay("stats.deadline.department", config.department()),
                monthDay("stats.deadline.government", config.government()),
                config.zone(),
                config.basis(),
                config.graceDays());
    }

    /**
     * The deadline day of a kind's report for the year (the kind as the registry spells it, null while unknown):
     * departments' day for a department, else governments'.
     */
    public LocalDate due(String kind, int year) {
        boolean department = AgencyKind.fromWire(kind).orElse(AgencyKind.GOVERNMENT) == AgencyKind.DEPARTMENT;
        return (department ? this.department : government).atYear(year + 1);
    }

    /**
     * Judges a first version. A stated publishedOn counts (basis published-on) when it is not after the day
     * received and, unless the version is imported history, at most {@code graceDays} before it: a date after
     * receipt cannot be right, and a date long before it is the agency's word alone.
     */
    public Judgement judge(
            String kind, int year, OffsetDateTime received, LocalDate publishedOn, boolean importedHistory) {
        LocalDate receivedOn = received.atZoneSameInstant(zone).toLocalDate();
        boolean stated = basis == Deadlines.Basis.PUBLISHED_ON
                && publishedOn != null
                && !publishedOn.isAfter(receivedOn)
                && (importedHistory || ChronoUnit.DAYS.between(publishedOn, receivedOn) <= graceDays);
        return new Judgement(
                receivedOn,
                stated ? publishedOn : receivedOn,
                stated ? DecidedBy.PUBLISHED_ON : DecidedBy.RECEIVED,
                due(kind, year));
    }

    /** What the counts were computed with, stored beside them (table completeness_rules). */
    public String fingerprint() {
        return "department=" + department + ";government=" + government + ";zone=" + zone.getId() + ";basis="
                + basis.name() + ";grace-days=" + graceDays;
    }

    private static MonthDay monthDay(String key, String value) {
        try {
            return MonthDay.parse("--" + value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be MM-dd, e.g. 01-31, got '" + value + "'", e);
        }
    }
}
