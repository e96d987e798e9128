package dev.headlesscrm.platform.query;

/**
 * A to-one relation of a resource: filters follow it with dotted paths ({@code owner.name}), and
 * {@code expand} embeds the related record.
 */
public record Relation(String name, String column, String target) {}
