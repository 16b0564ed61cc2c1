package cn.ogi.form.diff;

import java.math.BigDecimal;

/** A cell whose value differs between two reports; null means absent or blank. */
public record CellChange(String cell, BigDecimal from, BigDecimal to) {}
