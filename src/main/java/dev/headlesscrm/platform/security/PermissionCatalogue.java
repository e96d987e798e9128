package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resources function permissions are granted on: every declared resource, so a new resource is
 * in the catalogue (and in the roles API, /me and the change feed's checks) by its declaration
 * alone, plus the few permission-guarded things that are not records.
 */
@ApplicationScoped
public class PermissionCatalogue {

  /** Guarded by permissions but not record resources: dictionaries and system parameters. */
  static final List<String> NOT_RECORDS = List.of("dictionary", "setting");

  @Inject ResourceRegistry registry;

  private volatile Set<String> resources;

  public Set<String> resources() {
    if (resources == null) {
      Set<String> all = new TreeSet<>(NOT_RECORDS);
      registry.all().stream().map(ResourceSpec::name).forEach(all::add);
      resources = Collections.unmodifiableSet(all);
    }
    return resources;
  }

  public boolean contains(String resource) {
    return resources().contains(resource);
  }

  /** {@code customer:create} as a permission; 422 naming it when it is none. */
  public Permission parse(String text) {
    return Permission.parse(text, resources());
  }
}
