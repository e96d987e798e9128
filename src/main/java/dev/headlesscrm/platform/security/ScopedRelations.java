package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.query.RelationScope;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.SqlFragment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Filters through a relation see only related owned records within the caller's data scope. */
@ApplicationScoped
public class ScopedRelations implements RelationScope {

  @Inject DataScope scope;
  @Inject ResourceRegistry registry;

  @Override
  public SqlFragment condition(String resource, String alias) {
    boolean owned = registry.has(resource) && registry.get(resource).field("ownerId") != null;
    return owned ? scope.condition(resource, alias) : SqlFragment.TRUE;
  }
}
