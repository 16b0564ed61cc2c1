package cn.ogi.reporting.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A jurisdiction as clients see it; {@code level} is derived from the code when absent. */
@Schema(name = "Jurisdiction", example = """
        {"code": "371502", "name": "东昌府区", "level": "county", "parent": "371500"}""")
public record JurisdictionView(String code, String name, String level, String parent) {}
