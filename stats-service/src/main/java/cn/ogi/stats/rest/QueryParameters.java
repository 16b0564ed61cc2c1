package cn.ogi.stats.rest;

import cn.ogi.stats.query.GroupBy;
import cn.ogi.stats.query.StatsQuery;
import cn.ogi.web.Paging;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters every stats query takes, read as text so that a bad value is a 400 naming the parameter
 * (a JAX-RS conversion failure would be a bare 404).
 */
public class QueryParameters {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Pattern DIVISION = Pattern.compile("\\d{6}");

    @QueryParam("jurisdiction")
    @Parameter(
            description = "The node (GB/T 2260, 6 digits) the answer is for, its whole subtree counted; default the "
                    + "caller's own (an admin's: the province)",
            example = "371500")
    String jurisdiction;

    @QueryParam("year")
    @Parameter(description = "The reporting year, 2000 to 2100 (or from and to for a span)", example = "2023")
    String year;

    @QueryParam("from")
    @Parameter(
            description = "The first year of a span, with to (at most stats.query.max-years years, 20)",
            example = "2021")
    String from;

    @QueryParam("to")
    @Parameter(description = "The last year of a span, with from", example = "2023")
    String to;

    @QueryParam("groupBy")
    @Parameter(
            description = "Rows by child (the node's children and its own level), grandchild (under each child, with "
                    + "parent = the child's code: its children and its own level, or its agencies for a child "
                    + "without children; then the node's own level, parent = the node), agency, year or "
                    + "applicantType, as the query offers; absent: the total only",
            example = "child")
    String groupBy;

    @QueryParam("page")
    @Parameter(description = "The page of a listing (missing, late, findings), from 0 (default 0)", example = "0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Items per page of a listing, 1 to 500 (default 50)", example = "50")
    String size;

    /** The parameters from a decoded query (the first value of each), as JAX-RS would set them. */
    static QueryParameters of(Map<String, List<String>> query) {
        QueryParameters p = new QueryParameters();
        p.jurisdiction = first(query, "jurisdiction");
        p.year = first(query, "year");
        p.from = first(query, "from");
        p.to = first(query, "to");
        p.groupBy = first(query, "groupBy");
        p.page = first(query, "page");
        p.size = first(query, "size");
        return p;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    StatsQuery toQuery(Set<GroupBy> allowed, int maxYears) {
        if (jurisdiction != null && !DIVISION.matcher(jurisdiction).matches()) {
            throw invalid("jurisdiction", "must be a 6-digit division code (GB/T 2260), got '" + jurisdiction + "'");
        }
        int first;
        int last;
        boolean single = year != null;
        if (single) {
            if (from != null || to != null) {
                throw invalid("year", "cannot be combined with 'from'/'to'; give a year or a span");
            }
            first = year("year", year);
            last = first;
        } else {
            if (from == null && to == null) {
                throw invalid("year", "is required (or 'from' and 'to' for a span of years)");
            }
            if (from == null || to == null) {
                throw invalid(
                        from == null ? "from" : "to", "is required with '" + (from == null ? "to" : "from") + "'");
            }
            first = year("from", from);
            last = year("to", to);
            if (first > last) {
                throw invalid("from", "must not be after 'to' (" + first + " > " + last + ")");
            }
            if (last - first + 1 > maxYears) {
                throw invalid(
                        "to",
                        "spans " + (last - first + 1) + " years from 'from'; at most " + maxYears + " are allowed");
            }
        }
        GroupBy grouping = null;
        if (groupBy != null) {
            grouping = GroupBy.fromWireName(groupBy)
                    .orElseThrow(() -> invalid(
                            "groupBy",
                            "must be one of "
                                    + Arrays.stream(GroupBy.values())
                                            .map(GroupBy::wireName)
                                            .toList() + ", got '" + groupBy + "'"));
            if (!allowed.contains(grouping)) {
                throw invalid(
                        "groupBy",
                        "'" + groupBy + "' is not offered by this query; it offers "
                                + Arrays.stream(GroupBy.values())
                                        .filter(allowed::contains)
                                        .map(GroupBy::wireName)
                                        .toList());
            }
        }
        return new StatsQuery(
                jurisdiction, first, last, single, grouping, Paging.of(integer("page", page), integer("size", size)));
    }

    private static int year(String name, String value) {
        Integer y = integer(name, value);
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw invalid(name, "must be a year between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + y);
        }
        return y;
    }

    private static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer, got '" + value + "'");
        }
    }

    static ProblemException invalid(String parameter, String message) {
        return ProblemException.badRequest("invalid-parameters", "Parameter '" + parameter + "' " + message)
                .withErrors(List.of(new Problem.InputError(null, parameter, message)));
    }
}
