package dev.headlesscrm.platform.query;

/**
 * The rows of a related resource the caller may see, for filters that reach through a relation
 * ({@code customer.level==A} on contacts): without it a filter could probe a related record outside
 * the caller's data scope. Implemented by the security layer.
 */
public interface RelationScope {

  RelationScope NONE = (resource, alias) -> SqlFragment.TRUE;

  /** The condition on the related row (table alias {@code alias}) of this resource. */
  SqlFragment condition(String resource, String alias);
}
