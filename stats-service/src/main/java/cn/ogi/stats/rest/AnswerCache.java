package cn.ogi.stats.rest;

import cn.ogi.stats.query.AsOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serialized answers (JSON, CSV or XLSX bytes) of the stats queries at the model's current position, so that the
 * same question asked again while the feed has not moved is answered without computing or serializing it. The key
 * is the exact text the ETag is hashed from — seq, generation, node, path, the sorted query and the media type —
 * never the hash: an answer is only served for exactly the same question at exactly the same position. All answers
 * are kept on one shelf for one position (seq and generation); a request at another position finds the shelf
 * empty and the first answer stored there replaces it, so whatever the model moved past is dropped at once. An
 * answer computed at a position the model has already left is not kept. A position is the {@link AsOf} instance
 * the live model published: a reload from the tables at the same seq and generation is a move too. At most {@link
 * AnswerCacheSettings#maxBytes()}: a new answer that does not fit evicts arbitrary others. The caller has
 * authenticated the request and checked the node against the caller's jurisdiction before asking.
 */
@ApplicationScoped
public class AnswerCache {

    /** What an entry costs beside its body and key (the entry, the answer, the tag, the map's node). */
    static final int ENTRY_BYTES = 256;

    /**
     * One stored answer: its body, the tag it was served with, its media type and its file name, if a download. A
     * kept answer is shared by every request that hits it, so its body is copied in and out (a few KB: a
     * microsecond).
     */
    static final class Answer {
        private final byte[] body;
        private final EntityTag tag;
        private final MediaType type;
        private final String disposition;

        Answer(byte[] body, EntityTag tag, MediaType type, String disposition) {
            this.body = body.clone();
            this.tag = tag;
            this.type = type;
            this.disposition = disposition;
        }

        byte[] body() {
            return body.clone();
        }

        int length() {
            return body.length;
        }

        EntityTag tag() {
            return tag;
        }

        MediaType type() {
            return type;
        }

        String disposition() {
            return disposition;
        }
    }

    private record Shelf(AsOf position, ConcurrentHashMap<String, Answer> answers, AtomicLong bytes) {
        Shelf(AsOf position) {
            this(position, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private final AtomicReference<Shelf> shelf = new AtomicReference<>(new Shelf(new AsOf(-1, -1)));
    private final long maxBytes;

    @Inject
    public AnswerCache(AnswerCacheSettings settings) {
        this.maxBytes = settings.maxBytes();
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** The answer stored for the key at the model's position {@code now} (the instance it published), or null. */
    Answer get(AsOf now, String key) {
        return at(now).answers().get(key);
    }

    /**
     * Keeps the answer, computed by a request that found the model at {@code asked}, if the model is still there
     * ({@code now}: the same instance) and it fits.
     */
    @SuppressWarnings("ReferenceEquality") // positions are told apart as instances (see #at)
    void put(AsOf asked, AsOf now, String key, Answer answer) {
        long size = cost(key, answer);
        if (asked != now || size > maxBytes / 4) {
            return;
        }
        Shelf s = at(now);
        Answer before = s.answers().put(key, answer);
        long total = s.bytes().addAndGet(size - (before == null ? 0 : cost(key, before)));
        Iterator<String> keys = s.answers().keySet().iterator();
        while (total > maxBytes && keys.hasNext()) {
            String other = keys.next();
            if (!other.equals(key)) {
                Answer evicted = s.answers().remove(other);
                if (evicted != null) {
                    total = s.bytes().addAndGet(-cost(other, evicted));
                }
            }
        }
    }

    /** How many answers are kept, and their bytes (for a test). */
    long[] size() {
        Shelf s = shelf.get();
        return new long[] {s.answers().size(), s.bytes().get()};
    }

    /**
     * The shelf of the position; a new, empty one (the old one dropped) when the model has moved. Positions are
     * compared as instances: the live model publishes a new one with every page it applies and every reload (a
     * reload after a rebuild that did not swap keeps seq and generation but may read other tables).
     */
    @SuppressWarnings("ReferenceEquality") // the instance, not the value: a reload has an equal one
    private Shelf at(AsOf now) {
        Shelf s = shelf.get();
        while (s.position() != now) {
            Shelf fresh = new Shelf(now);
            if (shelf.compareAndSet(s, fresh)) {
                return fresh;
            }
            s = shelf.get();
        }
        return s;
    }

    private static long cost(String key, Answer answer) {
        return ENTRY_BYTES + 2L * key.length() + answer.length();
    }
}
