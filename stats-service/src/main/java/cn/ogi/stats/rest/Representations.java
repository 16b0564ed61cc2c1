package cn.ogi.stats.rest;

import cn.ogi.stats.export.CsvExport;
import cn.ogi.stats.export.Table;
import cn.ogi.stats.export.XlsxExport;
import cn.ogi.stats.query.StatsResult;
import cn.ogi.web.EntityTags;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One answer, three representations chosen by {@code Accept}: JSON (default), CSV, XLSX. The ETag is
 * derived from the feed position the answer reflects (seq and read-model generation), the path, the sorted
 * query parameters and the media type: the same question at the same position has the same answer.
 */
final class Representations {

    static final MediaType CSV = MediaType.valueOf(CsvExport.MEDIA_TYPE + ";charset=UTF-8");
    static final MediaType XLSX = MediaType.valueOf(XlsxExport.MEDIA_TYPE);
    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CsvExport.MEDIA_TYPE), XLSX)
            .build();

    private Representations() {}

    /** {@code position} names the state the answer reflects, e.g. {@code "1234.0"} (seq, generation). */
    static Response respond(
            Request request, UriInfo uri, String position, Object json, Supplier<List<Table>> tables, String fileName) {
        MediaType type = chosen(request);
        String tag = tag(uri, position, type);
        boolean csv = type.isCompatible(MediaType.valueOf(CsvExport.MEDIA_TYPE));
        boolean xlsx = type.isCompatible(XLSX);
        Object entity = csv ? CsvExport.write(tables.get().get(0)) : xlsx ? XlsxExport.write(tables.get()) : json;
        Response response = EntityTags.okOrNotModified(request, tag, entity);
        if (response.getStatus() != 200) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response).header("Vary", "Accept");
        if (csv || xlsx) {
            builder.type(csv ? CSV : XLSX)
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + fileName + (csv ? ".csv" : ".xlsx") + "\"");
        } else {
            builder.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    /** A stats answer: its ETag from the model's position and its node, its file named by query, node and years. */
    static Response respond(Request request, UriInfo uri, StatsResult result, String name, String title) {
        String file = "stats-" + name + "-" + result.jurisdiction() + "-"
                + (result.year() != null ? result.year() : result.from() + "-" + result.to());
        return respond(
                request,
                uri,
                position(result.asOfSeq(), result.generation(), result.jurisdiction()),
                result,
                () -> Table.of(result, title),
                file);
    }

    /** The position of a stats answer. The node is in it: callers whose default nodes differ get different tags. */
    static String position(long seq, int generation, String jurisdiction) {
        return seq + "." + generation + "." + jurisdiction;
    }

    /**
     * 304 when the client's {@code If-None-Match} names the answer at {@code position} — checked before the
     * answer is computed; null when it does not (then compute and {@link #respond}).
     */
    static Response notModified(Request request, UriInfo uri, String position) {
        EntityTag tag = new EntityTag(tag(uri, position, chosen(request)));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return notModified == null
                ? null
                : notModified.tag(tag).header("Vary", "Accept").build();
    }

    private static MediaType chosen(Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        return chosen == null ? MediaType.APPLICATION_JSON_TYPE : chosen.getMediaType();
    }

    private static String tag(UriInfo uri, String position, MediaType type) {
        return position + "-" + hash(uri.getPath() + "?" + new TreeMap<>(uri.getQueryParameters()) + "|" + type);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
