package cn.ogi.stats.query;

/** A column of a result table: the English key (JSON field, second CSV header row) and the Chinese label. */
public record Column(String key, String label) {}
