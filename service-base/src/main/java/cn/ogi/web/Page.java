package cn.ogi.web;

import java.util.List;

/** One page of a listing, with the total so that clients can page to the end. */
public record Page<T>(List<T> items, int page, int size, long total) {}
