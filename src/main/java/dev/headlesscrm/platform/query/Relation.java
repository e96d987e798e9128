package dev.headlesscrm.platform.query;

/**
 * A to-one relation of a resource: filters follow it with dotted paths ({@code owner.name}), and
 * {@code expand} embeds the related record. The relation also says what happens to this record when
 * its target is deleted ({@link OnDelete}) or merged into another ({@code movesOnMerge}); the
 * record machinery carries that out through this resource's own service, so every cascaded change
 * has its version, history entry and event.
 *
 * @param field the API field holding the target's id ({@code customerId}), or null for relations
 *     whose column is not a field of the resource
 */
public record Relation(
    String name,
    String column,
    String target,
    String field,
    OnDelete onDelete,
    boolean movesOnMerge) {

  /** A plain relation: no delete rule, not moved on merge. */
  public Relation(String name, String column, String target) {
    this(name, column, target, null, OnDelete.NONE, false);
  }

  /** What deleting the target does to the records that point at it. */
  public enum OnDelete {
    /** Nothing: the reference stays (the target remains readable through history). */
    NONE,
    /** The target cannot be deleted while live records point at it (409). */
    RESTRICT,
    /** They are soft-deleted with it, and restored with it. */
    CASCADE,
    /** Their reference is cleared. */
    DETACH
  }
}
