package cn.ogi.stats.model;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.ReportVersionCreated;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The payloads of a page's events as their contract records (feed-contract), read once, and what each version
 * contributes ({@link Contribution}, a pure function of its payload) — both worked out for the whole page at once,
 * on every core.
 */
final class PagePayloads {

    private static final Logger LOG = Logger.getLogger(PagePayloads.class);

    private final ObjectMapper json;

    /** Each event's payload as its contract record, by seq. */
    private Map<Long, Record> payloads = Map.of();

    /** What each version of the page contributes, by seq. */
    private Map<Long, Map<String, BigDecimal>> contributions = Map.of();

    PagePayloads(ObjectMapper json) {
        this.json = json;
    }

    /** Reads every event's payload and every version's cells, in parallel. */
    void read(List<ChangeEvent> events) {
        payloads = events.parallelStream()
                .map(e -> Map.entry(e.seq(), Optional.ofNullable(read(e))))
                .filter(p -> p.getValue().isPresent())
                .collect(Collectors.toConcurrentMap(
                        Map.Entry::getKey, p -> p.getValue().get(), (a, b) -> a));
        contributions = events.parallelStream()
                .filter(e -> payloads.get(e.seq()) instanceof ReportVersionCreated)
                .collect(Collectors.toConcurrentMap(
                        ChangeEvent::seq,
                        e -> {
                            ReportVersionCreated v = (ReportVersionCreated) payloads.get(e.seq());
                            return Contribution.of(v, Payloads.edition(v));
                        },
                        (a, b) -> a));
    }

    /** The event's payload as read ahead (null when it had none that stats uses); else read now. */
    Record of(ChangeEvent e) {
        return payloads.containsKey(e.seq()) ? payloads.get(e.seq()) : read(e);
    }

    /** The payload read ahead for the seq; null when none was. */
    Record readAhead(long seq) {
        return payloads.get(seq);
    }

    /** What the version of the seq contributes, as worked out ahead; null when it was not. */
    Map<String, BigDecimal> contribution(long seq) {
        return contributions.get(seq);
    }

    /**
     * The event's payload as the record of its type; null for a type stats does not know, and for a payload that is
     * not its record (logged: the event is ignored, as an event without its keys is).
     */
    private Record read(ChangeEvent e) {
        ChangeType type = e.changeType().orElse(null);
        if (type == null) {
            return null;
        }
        try {
            Record payload = e.payloadAs(json, type.payload()).orElse(null);
            if (payload == null) {
                LOG.errorf("event %d: %s without payload, ignored", e.seq(), e.type());
            }
            return payload;
        } catch (IllegalArgumentException unreadable) {
            LOG.errorf("%s; ignored", unreadable.getMessage());
            return null;
        }
    }
}
