package cn.ogi.stats.memory;

import java.util.Objects;

/** A jurisdiction node of the model in memory ({@link MemoryModel}); changed only by the model. */
public final class ModelNode {
    final String code;
    String name;
    String level;
    String parent;

    ModelNode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String level() {
        return level;
    }

    public String parent() {
        return parent;
    }

    /** Whether another model holds the node the same: its name, level and parent. */
    boolean sameAs(ModelNode other) {
        return Objects.equals(name, other.name)
                && Objects.equals(level, other.level)
                && Objects.equals(parent, other.parent);
    }
}
