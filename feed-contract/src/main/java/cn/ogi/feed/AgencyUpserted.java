package cn.ogi.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of {@code agency.upserted}: the agency as the registry holds it now (统一社会信用代码, name, kind, the
 * jurisdiction it belongs to, the first and last years it reports for, each null when unbounded).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyUpserted(
        String code, String name, String kind, String jurisdiction, Integer reportsFrom, Integer reportsUntil) {}
