package cn.ogi.stats.query;

/** The feed position a query reads: the last applied seq and the read-model generation (bumped by a rebuild swap). */
public record AsOf(long seq, int generation) {}
