package cn.ogi.stats.rest;

import cn.ogi.stats.export.Table;
import cn.ogi.stats.query.AsOf;
import cn.ogi.stats.query.Nodes;
import cn.ogi.stats.query.StatsResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;

/**
 * How {@link StatsResource} answers a stats query once the caller is authenticated and the node is checked
 * against the caller's jurisdiction: first from the model's position alone — 304 when {@code If-None-Match}
 * names the answer, else the same answer kept in {@link AnswerCache} — and only then by computing it, which is
 * kept for the next caller asking exactly the same at the same position.
 */
@ApplicationScoped
public class StatsAnswers {

    @Inject
    Nodes nodes;

    @Inject
    AnswerCache cache;

    @Inject
    ObjectMapper json;

    @Inject
    AskedAt asked;

    /**
     * A revalidation ({@code If-None-Match}) is answered from the position of the model in memory alone, before
     * any aggregate is read and without a database round trip: the model has not moved since the client's copy,
     * so neither has the answer. Else the kept answer to the same question at this position; null when there is
     * none (then compute and {@link #respond}).
     */
    Response known(Request request, UriInfo uri, HttpHeaders headers, String jurisdiction) {
        boolean revalidation = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null;
        if (!revalidation && !cache.enabled()) {
            return null;
        }
        AsOf now = nodes.position();
        asked.position(now);
        String position = position(now.seq(), now.generation(), nodes.resolveCode(jurisdiction));
        // what tag(now, node, question) hashes: EarlyRevalidation answers from it
        String question = Representations.question(uri, Representations.chosen(request, headers));
        if (revalidation) {
            Response notModified = Representations.notModified(request, Representations.tag(position, question));
            if (notModified != null || !cache.enabled()) {
                return notModified;
            }
        }
        AnswerCache.Answer kept = cache.get(now, position + "-" + question);
        return kept == null ? null : Representations.ok(kept);
    }

    /** The computed answer in the representation asked for; kept for the same question at the same position. */
    Response respond(
            Request request,
            UriInfo uri,
            HttpHeaders headers,
            StatsResult result,
            Supplier<List<Table>> tables,
            String fileName) {
        String position = position(result.asOfSeq(), result.generation(), result.jurisdiction());
        if (!cache.enabled()) {
            return Representations.respond(request, uri, position, result, tables, fileName);
        }
        MediaType type = Representations.chosen(request, headers);
        String question = Representations.question(uri, type);
        AnswerCache.Answer answer =
                Representations.answer(Representations.tag(position, question), type, result, tables, fileName, json);
        AsOf at = asked.position();
        if (at != null && at.seq() == result.asOfSeq() && at.generation() == result.generation()) {
            cache.put(at, nodes.position(), position + "-" + question, answer);
        }
        return Representations.okOrNotModified(request, answer);
    }

    /** The tag of the answer to the question about the node at the position (what {@link #known} compares). */
    static String tag(AsOf at, String node, String question) {
        return Representations.tag(position(at.seq(), at.generation(), node), question);
    }

    private static String position(long seq, int generation, String jurisdiction) {
        // The node is in the tag: two callers whose default nodes differ get different tags for one URL.
        return seq + "." + generation + "." + jurisdiction;
    }
}
