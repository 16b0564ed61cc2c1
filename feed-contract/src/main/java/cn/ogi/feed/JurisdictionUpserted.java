package cn.ogi.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of {@code jurisdiction.upserted}: the jurisdiction as the registry holds it now (GB/T 2260 code, name,
 * level {@code province|city|county|…}, parent code, null for the root). Every field may be null in what a consumer
 * reads; the producer always sends them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JurisdictionUpserted(String code, String name, String level, String parent) {}
