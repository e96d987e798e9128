package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/** Every resource the contexts declare, by name, so dotted paths can cross contexts. */
@ApplicationScoped
public class ResourceRegistry {

  private final Map<String, ResourceSpec> specs = new HashMap<>();

  @jakarta.inject.Inject
  ResourceRegistry(Instance<ResourceDeclarations> declared) {
    declared.forEach(d -> d.resources().forEach(spec -> specs.put(spec.name(), spec)));
  }

  private ResourceRegistry(java.util.List<ResourceSpec> declared) {
    declared.forEach(spec -> specs.put(spec.name(), spec));
  }

  /** A registry of these specs, for unit tests of the query layer. */
  public static ResourceRegistry of(ResourceSpec... declared) {
    return new ResourceRegistry(java.util.List.of(declared));
  }

  public ResourceSpec get(String name) {
    ResourceSpec spec = specs.get(name);
    if (spec == null) {
      throw new CrmException(
          dev.headlesscrm.platform.api.ProblemType.INTERNAL,
          Text.of("Unknown resource " + name, "未知资源 " + name));
    }
    return spec;
  }

  /** Every declared resource. */
  public java.util.Collection<ResourceSpec> all() {
    return java.util.Collections.unmodifiableCollection(specs.values());
  }

  public boolean has(String name) {
    return specs.containsKey(name);
  }
}
