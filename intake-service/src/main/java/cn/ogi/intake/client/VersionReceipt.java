package cn.ogi.intake.client;

import cn.ogi.form.rules.Finding;
import java.util.List;

/** reporting-service's answer to a delivery. */
public record VersionReceipt(
        String agencyCode, int year, int version, boolean unchanged, boolean replayed, List<Finding> findings) {}
