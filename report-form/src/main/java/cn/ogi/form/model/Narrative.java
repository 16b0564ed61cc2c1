package cn.ogi.form.model;

/** The prose of a report: 总体情况, 存在的主要问题及改进情况, 其他需要报告的事项. Each part nullable. */
public record Narrative(String overview, String problems, String other) {}
