package cn.ogi.demo;

/** One agency's report for one year: the key of a report. */
public record AgencyYear(String agencyCode, int year) implements Comparable<AgencyYear> {

    @Override
    public int compareTo(AgencyYear other) {
        int byYear = Integer.compare(year, other.year);
        return byYear != 0 ? byYear : agencyCode.compareTo(other.agencyCode);
    }

    @Override
    public String toString() {
        return agencyCode + "/" + year;
    }
}
