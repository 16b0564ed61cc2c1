package cn.ogi.stats.query;

import cn.ogi.web.Paging;

/**
 * A validated query: a node (null = the province root), a span of years, an optional grouping, and for
 * lists a page. Built by the resource from the request parameters.
 */
public record StatsQuery(String jurisdiction, int from, int to, boolean singleYear, GroupBy groupBy, Paging paging) {

    public int years() {
        return to - from + 1;
    }
}
