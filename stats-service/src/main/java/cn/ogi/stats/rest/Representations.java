package cn.ogi.stats.rest;

import cn.ogi.stats.export.CsvExport;
import cn.ogi.stats.export.Table;
import cn.ogi.stats.export.XlsxExport;
import cn.ogi.web.EntityTags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One answer, three representations chosen by {@code Accept}: JSON (default), CSV, XLSX. The ETag is
 * derived from the feed position the answer reflects (seq and read-model generation), the path, the sorted
 * query parameters and the media type: the same question at the same position has the same answer.
 */
final class Representations {

    static final MediaType CSV = MediaType.valueOf(CsvExport.MEDIA_TYPE + ";charset=UTF-8");
    static final MediaType XLSX = MediaType.valueOf(XlsxExport.MEDIA_TYPE);
    private static final MediaType CSV_TYPE = MediaType.valueOf(CsvExport.MEDIA_TYPE);
    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CsvExport.MEDIA_TYPE), XLSX)
            .build();

    private static final int MAX_HASHES = 4096;
    private static final int MAX_HASHED_LENGTH = 512;
    private static final ConcurrentHashMap<String, String> HASHES = new ConcurrentHashMap<>();

    private Representations() {}

    /** {@code position} names the state the answer reflects, e.g. {@code "1234.0"} (seq, generation). */
    static Response respond(
            Request request, UriInfo uri, String position, Object json, Supplier<List<Table>> tables, String fileName) {
        MediaType type = chosen(request);
        String tag = tag(position, question(uri, type));
        boolean csv = type.isCompatible(CSV_TYPE);
        boolean xlsx = type.isCompatible(XLSX);
        Object entity = csv ? CsvExport.write(tables.get().get(0)) : xlsx ? XlsxExport.write(tables.get()) : json;
        Response response = EntityTags.okOrNotModified(request, tag, entity);
        if (response.getStatus() != 200) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response).header("Vary", "Accept");
        if (csv || xlsx) {
            builder.type(csv ? CSV : XLSX).header("Content-Disposition", disposition(fileName, csv));
        } else {
            builder.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    /** The answer as bytes in the chosen type, with its tag: what {@link AnswerCache} keeps. */
    static AnswerCache.Answer answer(
            String tag,
            MediaType type,
            Object json,
            Supplier<List<Table>> tables,
            String fileName,
            ObjectMapper mapper) {
        if (type.isCompatible(CSV_TYPE)) {
            return new AnswerCache.Answer(
                    CsvExport.write(tables.get().get(0)), new EntityTag(tag), CSV, disposition(fileName, true));
        }
        if (type.isCompatible(XLSX)) {
            return new AnswerCache.Answer(
                    XlsxExport.write(tables.get()), new EntityTag(tag), XLSX, disposition(fileName, false));
        }
        try {
            return new AnswerCache.Answer(
                    mapper.writeValueAsBytes(json), new EntityTag(tag), MediaType.APPLICATION_JSON_TYPE, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 200 with the answer, or 304 when the request's {@code If-None-Match} names its tag. */
    static Response okOrNotModified(Request request, AnswerCache.Answer answer) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(answer.tag());
        if (notModified != null) {
            return notModified.tag(answer.tag()).header("Vary", "Accept").build();
        }
        return ok(answer);
    }

    /** 200 with the answer (the request's preconditions already evaluated). */
    static Response ok(AnswerCache.Answer answer) {
        Response.ResponseBuilder ok =
                Response.ok(answer.body()).tag(answer.tag()).type(answer.type()).header("Vary", "Accept");
        if (answer.disposition() != null) {
            ok.header("Content-Disposition", answer.disposition());
        }
        return ok.build();
    }

    /**
     * 304 when the client's {@code If-None-Match} names the answer with this tag — checked before the answer is
     * computed; null when it does not (then compute and respond).
     */
    static Response notModified(Request request, String tag) {
        EntityTag etag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return notModified == null
                ? null
                : notModified.tag(etag).header("Vary", "Accept").build();
    }

    /** The representation asked for: JSON without an {@code Accept} or with one that names JSON or anything. */
    static MediaType chosen(Request request, HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON)) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        return chosen(request);
    }

    private static MediaType chosen(Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        return chosen == null ? MediaType.APPLICATION_JSON_TYPE : chosen.getMediaType();
    }

    /** What the tag hashes after the position: the path, the sorted query parameters and the media type. */
    static String question(UriInfo uri, MediaType type) {
        return question(uri.getPath(), new TreeMap<>(uri.getQueryParameters()), type);
    }

    /** The same from the path and the decoded query parameters, sorted by name ({@link EarlyRevalidation}). */
    static String question(String path, SortedMap<String, ? extends List<String>> parameters, MediaType type) {
        return path + "?" + parameters + "|" + type;
    }

    /**
     * The tag of the answer to the question at the position. The question's hash is a function of its text alone,
     * so the hashes of the questions asked lately are kept (at most {@link #MAX_HASHES} of at most {@link
     * #MAX_HASHED_LENGTH} characters; emptied when full): a revalidation then costs no SHA-256.
     */
    static String tag(String position, String question) {
        if (question.length() > MAX_HASHED_LENGTH) {
            return position + "-" + hash(question);
        }
        if (HASHES.size() >= MAX_HASHES) {
            HASHES.clear();
        }
        return position + "-" + HASHES.computeIfAbsent(question, Representations::hash);
    }

    private static String disposition(String fileName, boolean csv) {
        return "attachment; filename=\"" + fileName + (csv ? ".csv" : ".xlsx") + "\"";
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
