package cn.ogi.stats.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of every stats query: which node, which years, as of which feed seq; one row per group
 * ({@link StatsRow}: {@code key}, {@code name}, then the metrics) and the total over the node's whole subtree.
 * {@code columns} (metric keys and Chinese labels) and the listings drive the CSV/XLSX exports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jurisdiction", "jurisdictionName", "year", "from", "to", "asOfSeq", "groupBy", "rows", "total"})
@Schema(name = "StatsResult", example = """
        {"jurisdiction": "371500", "jurisdictionName": "聊城市", "year": 2023, "from": 2023, "to": 2023,
         "asOfSeq": 1234, "groupBy": "child",
         "rows": [{"key": "371502", "name": "东昌府区", "newReceived": 120, "carriedOver": 4, "totalProcessed": 118,
                   "carriedForward": 6},
                  {"key": "371500", "name": "聊城市（本级）", "newReceived": 30, "carriedOver": 0, "totalProcessed": 30,
                   "carriedForward": 0}],
         "total": {"newReceived": 150, "carriedOver": 4, "totalProcessed": 148, "carriedForward": 6}}""")
public record StatsResult(
        String jurisdiction,
        String jurisdictionName,

        @Schema(description = "the year, when the query names one; otherwise from/to")
        Integer year,

        int from,
        int to,

        @Schema(description = "the last change-feed seq applied when the answer was read")
        long asOfSeq,

        @Schema(description = "child | agency | year | applicantType, absent when rows are not split")
        String groupBy,

        @Schema(type = SchemaType.ARRAY, implementation = Map.class)
        List<StatsRow> rows,

        Map<String, Object> total,
        @JsonIgnore List<Column> columns,
        @JsonIgnore List<Listing> listings,
        @JsonIgnore int generation) {

    /**
     * The answer to {@code q} for {@code node}: the node and the years as the query asked for them ({@code year} only
     * for a single year), read at {@code asOfSeq}, with its rows, total, columns and listings.
     */
    static StatsResult answering(
            Nodes.Node node,
            StatsQuery q,
            long asOfSeq,
            List<StatsRow> rows,
            Map<String, Object> total,
            List<Column> columns,
            List<Listing> listings,
            int generation) {
        return new StatsResult(
                node.code(),
                node.name(),
                q.singleYear() ? q.from() : null,
                q.from(),
                q.to(),
                asOfSeq,
                q.groupBy() == null ? null : q.groupBy().wireName(),
                rows,
                total,
                columns,
                listings,
                generation);
    }

    /** This answer with {@code listings} in place of its own. */
    StatsResult withListings(List<Listing> listings) {
        return new StatsResult(
                jurisdiction,
                jurisdictionName,
                year,
                from,
                to,
                asOfSeq,
                groupBy,
                rows,
                total,
                columns,
                listings,
                generation);
    }

    /** The listings as JSON fields: {@code missing: […]}, {@code findings: […], findingsTotal: n}. */
    @JsonAnyGetter
    public Map<String, Object> listingFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Listing l : listings) {
            fields.put(l.name(), l.items());
            if (l.total() != null) {
                fields.put(l.name() + "Total", l.total());
            }
        }
        return fields;
    }
}
