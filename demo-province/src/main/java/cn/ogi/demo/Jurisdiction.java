package cn.ogi.demo;

/**
 * A jurisdiction of the demo province.
 *
 * @param code   6-digit GB/T 2260-shaped division code
 * @param name   made-up name (the province is fictitious: 示范省)
 * @param parent the parent's code, null for the province
 * @param level  {@code province}, {@code city} or {@code county}
 */
public record Jurisdiction(String code, String name, String parent, String level) {}
