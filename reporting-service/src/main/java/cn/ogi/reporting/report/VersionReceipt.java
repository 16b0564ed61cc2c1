package cn.ogi.reporting.report;

import cn.ogi.form.rules.Finding;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a delivery: the version it produced (or the current one, when the content was
 * unchanged), whether it was a replay of a delivery already received, and the findings stored.
 */
@Schema(name = "VersionReceipt", example = """
        {"agencyCode": "11371500MB28532216", "year": 2023, "version": 2, "unchanged": false, "replayed": false,
         "findings": [{"rule": "CARRY-CHAIN", "severity": "warning", "cells": ["applications.carriedOver.total"],
                       "message": "applications column total: carriedOver 3 differs from last year's carriedForward 2"}]}""")
public record VersionReceipt(
        String agencyCode, int year, int version, boolean unchanged, boolean replayed, List<Finding> findings) {}
