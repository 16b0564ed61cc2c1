package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.model.CompletenessRules;
import cn.ogi.stats.query.AsOf;
import cn.ogi.stats.query.Deadlines;
import cn.ogi.web.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The live read model in memory, which every query reads. It equals the tables at its seq: loaded from them
 * at start (and after a rebuild), then moved forward by the effect of each page the writer commits. Queries run
 * under a read lock, so one answer sees one seq; a page's effect is applied under the write lock. If the tables
 * moved without it (another instance consumed, a rebuild swapped them), the writer notices at its next page —
 * it compares the cursor it locks with the seq it holds — and reloads before applying.
 */
@ApplicationScoped
public class LiveModel {

    private static final Logger LOG = Logger.getLogger(LiveModel.class);

    @Inject
    ModelLoader loader;

    @Inject
    Sql db;

    @Inject
    Deadlines deadlines;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile MemoryModel model;
    private volatile boolean stale;
    private volatile CompletenessRules rules;
    /**
     * The position of {@link #model}, readable without the lock (revalidation): a new instance with every page
     * applied and every swap, so that the kept answers (stats' AnswerCache) tell a reload at the same seq apart.
     */
    private volatile AsOf position;

    /** The rules completeness is kept with (the configured ones, or what a recomputation set). */
    public CompletenessRules rules() {
        CompletenessRules r = rules;
        if (r == null) {
            r = CompletenessRules.of(deadlines);
            rules = r;
        }
        return r;
    }

    /** Answers a query from one consistent state of the model. */
    public <T> T read(Function<MemoryModel, T> query) {
        ensureLoaded();
        lock.readLock().lock();
        try {
            return query.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Like {@link #read}, but never waiting (an event loop calls it): null when the model is not loaded yet or a
     * page's effect is being applied at this moment, or when the query gives null.
     */
    public <T> T readIfFree(Function<MemoryModel, T> query) {
        if (model == null || !lock.readLock().tryLock()) {
            return null;
        }
        try {
            return query.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The seq and generation the model answers at, without a database round trip. */
    public AsOf position() {
        ensureLoaded();
        return position;
    }

    public boolean loaded() {
        return model != null;
    }

    /**
     * For the writer, in its transaction after it locked the cursor: the model, reloaded from the tables first
     * when it is not at the cursor's seq and generation.
     */
    public MemoryModel forWriting(long cursorSeq, int generation) {
        MemoryModel m = model;
        if (m == null || stale || m.seq() != cursorSeq || m.generation() != generation) {
            if (m != null) {
                LOG.infof(
                        "read model in memory at seq %d.%d, tables at %d.%d: reloading",
                        m.seq(), m.generation(), cursorSeq, generation);
            }
            m = loader.load(rules());
            swap(m);
        }
        return m;
    }

    /** After the writer committed a page that started at {@code fromSeq}: apply its effect. */
    public void publish(long fromSeq, PageEffect effect) {
        lock.writeLock().lock();
        try {
            MemoryModel m = model;
            if (m == null || stale || m.seq() != fromSeq) {
                stale = true; // the next page reloads
                return;
            }
            m.apply(effect);
            position = new AsOf(m.seq(), m.generation());
        } catch (RuntimeException e) {
            stale = true;
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reloads from the tables now (at start, after a rebuild, after a recomputation). */
    public void reload() {
        MemoryModel m = QuarkusTransaction.requiringNew().call(() -> {
            db.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return loader.load(rules());
        });
        swap(m);
    }

    /** Replaces the rules (a recomputation of completeness with other rules); the caller reloads. */
    public void rules(CompletenessRules newRules) {
        rules = newRules;
    }

    private void ensureLoaded() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    reload();
                }
            }
        }
    }

    private void swap(MemoryModel m) {
        lock.writeLock().lock();
        try {
            model = m;
            stale = false;
            position = new AsOf(m.seq(), m.generation());
        } finally {
            lock.writeLock().unlock();
        }
    }
}
