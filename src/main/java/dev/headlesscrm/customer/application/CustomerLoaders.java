package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.query.RecordLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Customers and contacts for {@code expand} (one query per relation and level). */
public final class CustomerLoaders {
  private CustomerLoaders() {}

  /** {@code expand=parent}, {@code expand=customer}. */
  @ApplicationScoped
  public static class Customers implements RecordLoader {
    @Inject CustomerService customers;

    @Override
    public String resource() {
      return CustomerService.RESOURCE;
    }

    @Override
    public Map<UUID, ?> load(Collection<UUID> ids) {
      return customers.getAll(ids);
    }
  }

  /** {@code expand=reportsTo}. */
  @ApplicationScoped
  public static class Contacts implements RecordLoader {
    @Inject ContactService contacts;

    @Override
    public String resource() {
      return "contact";
    }

    @Override
    public Map<UUID, ?> load(Collection<UUID> ids) {
      return contacts.getAll(ids);
    }
  }
}
