package cn.ogi.reporting.feed;

import java.util.List;

/**
 * A page of the feed: events with seq greater than {@code after}, in order. A consumer stores
 * {@code lastSeq} and asks again with it; {@code latestSeq} is the newest seq committed so far.
 */
public record ChangePage(long after, List<ChangeEventView> events, long lastSeq, long latestSeq) {}
