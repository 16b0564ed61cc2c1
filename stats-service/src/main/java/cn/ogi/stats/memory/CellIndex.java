package cn.ogi.stats.memory;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cell keys as dense numbers, so that the sums of a (node, year) are an array indexed by cell. Append-only
 * and shared by every model of the process (live and rebuilt), so a number always means the same key.
 */
public final class CellIndex {

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] keys = new String[0];
    /** Keys by prefix, as of a number of keys (a new key may start with any prefix). */
    private final ConcurrentHashMap<String, Prefixed> prefixed = new ConcurrentHashMap<>();

    private record Prefixed(int size, Set<String> keys) {}

    /** The number of the key, assigning the next one on first use. */
    public int id(String key) {
        Integer id = ids.get(key);
        return id != null ? id : assign(key);
    }

    /** The number of the key, or -1 when no value of it was ever held. */
    public int find(String key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    public String key(int id) {
        return keys[id];
    }

    /** Every key that starts with the prefix. */
    public Set<String> withPrefix(String prefix) {
        String[] all = keys;
        Prefixed p = prefixed.get(prefix);
        if (p == null || p.size != all.length) {
            Set<String> found = new TreeSet<>();
            for (String key : all) {
                if (key.startsWith(prefix)) {
                    found.add(key);
                }
            }
            p = new Prefixed(all.length, Set.copyOf(found));
            prefixed.put(prefix, p);
        }
        return p.keys;
    }

    public int size() {
        return keys.length;
    }

    private synchronized int assign(String key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        String[] grown = Arrays.copyOf(keys, keys.length + 1);
        grown[keys.length] = key;
        keys = grown;
        ids.put(key, keys.length - 1);
        return keys.length - 1;
    }
}
