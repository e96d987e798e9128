package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Carries out what the declared relations say when their target is deleted, restored or merged
 * (restrict, cascade, detach; move to the survivor). Every change to a referring record goes
 * through that record's own service, so it has its version, history entry and event like any other
 * write: no bulk UPDATE behind the change feed's back.
 */
@ApplicationScoped
public class References {

  /** A relation of {@code resource} pointing at another resource. */
  public record Inbound(String resource, Relation relation) {}

  @Inject ResourceRegistry registry;
  @Inject @Any Instance<RecordService<?, ?, ?>> services;

  private volatile Map<String, List<Inbound>> inbound;
  private volatile Map<String, RecordService<?, ?, ?>> byResource;

  /** The relations with a rule that point at {@code target}, in declaration order. */
  public List<Inbound> inbound(String target) {
    if (inbound == null) {
      Map<String, List<Inbound>> found = new HashMap<>();
      for (ResourceSpec spec : registry.all()) {
        for (Relation r : spec.relations().values()) {
          if (r.field() != null && (r.onDelete() != Relation.OnDelete.NONE || r.movesOnMerge())) {
            found
                .computeIfAbsent(r.target(), k -> new ArrayList<>())
                .add(new Inbound(spec.name(), r));
          }
        }
      }
      inbound = found;
    }
    return inbound.getOrDefault(target, List.of());
  }

  /** RESTRICT: refuses the delete while live records point at the target (409). */
  void beforeDelete(String target, UUID id) {
    for (Inbound in : inbound(target)) {
      if (in.relation().onDelete() != Relation.OnDelete.RESTRICT) {
        continue;
      }
      long n = service(in.resource()).countReferring(in.relation(), id);
      if (n > 0) {
        throw CrmException.conflict(
            Text.of(
                n
                    + " live "
                    + in.resource()
                    + " record(s) refer to this one through "
                    + in.relation().field()
                    + "; change or delete them first.",
                "仍有 "
                    + n
                    + " 条 "
                    + in.resource()
                    + " 记录通过 "
                    + in.relation().field()
                    + " 引用它，请先调整或删除它们。"));
      }
    }
  }

  /** CASCADE and DETACH, once the target is marked deleted at {@code at}. */
  void afterDelete(String target, UUID id, Instant at) {
    for (Inbound in : inbound(target)) {
      switch (in.relation().onDelete()) {
        case CASCADE -> service(in.resource()).cascadeDelete(in.relation(), id, at);
        case DETACH -> service(in.resource()).detach(in.relation(), id);
        default -> {}
      }
    }
  }

  /** CASCADE: what was deleted with the target (at the same instant) comes back with it. */
  void afterRestore(String target, UUID id, Instant deletedAt) {
    for (Inbound in : inbound(target)) {
      if (in.relation().onDelete() == Relation.OnDelete.CASCADE) {
        service(in.resource()).cascadeRestore(in.relation(), id, deletedAt);
      }
    }
  }

  /**
   * A merge: every record whose relation moves on merge now points at the survivor. Answers how
   * many moved, by resource and relation ({@code contact.customer}).
   */
  public Map<String, Integer> reassign(String target, UUID from, UUID to) {
    Map<String, Integer> moved = new LinkedHashMap<>();
    for (Inbound in : inbound(target)) {
      if (in.relation().movesOnMerge()) {
        int n = service(in.resource()).reassign(in.relation(), from, to);
        moved.merge(in.resource() + "." + in.relation().name(), n, Integer::sum);
      }
    }
    return moved;
  }

  /** The service of a resource, if it has one. */
  public java.util.Optional<RecordService<?, ?, ?>> serviceOf(String resource) {
    service0();
    return java.util.Optional.ofNullable(byResource.get(resource));
  }

  private void service0() {
    if (byResource == null) {
      Map<String, RecordService<?, ?, ?>> found = new HashMap<>();
      services.forEach(s -> found.putIfAbsent(s.resource(), s));
      byResource = found;
    }
  }

  /**
   * The live record of {@code resource} with that id as the caller may read it (function
   * permission, data scope), or empty: for a record that names another context's record by id
   * without depending on that context's code.
   */
  public java.util.Optional<dev.headlesscrm.platform.api.Versioned> readable(
      String resource, UUID id) {
    if (id == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          (dev.headlesscrm.platform.api.Versioned) service(resource).get(id));
    } catch (CrmException hidden) {
      return java.util.Optional.empty();
    }
  }

  /**
   * A record that names a customer and one of its contacts: a contact given anew must be a live
   * contact of that customer the caller may read (422 on {@code contactId}). Unchanged or absent,
   * nothing is checked, so a contact that moved keeps the records that name it writable.
   */
  public void requireContactOf(UUID customerId, UUID contactId, UUID previous) {
    if (contactId == null || contactId.equals(previous)) {
      return;
    }
    Object customer = readable("contact", contactId).map(c -> field(c, "customerId")).orElse(null);
    if (customer == null || !customer.equals(customerId)) {
      throw CrmException.invalidField(
          "contactId",
          "not-found",
          dev.headlesscrm.platform.api.Text.of(
              "The contact must be one of the customer's.", "联系人必须属于该客户。"));
    }
  }

  /** Whether a record service serves {@code resource} (a resource name such as "customer"). */
  public boolean declares(String resource) {
    return byResource().containsKey(resource);
  }

  /** A field of a record's view by name (a record component), or null when it has none. */
  public static Object field(Object view, String name) {
    if (view instanceof Record record) {
      for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
        if (c.getName().equals(name)) {
          try {
            return c.getAccessor().invoke(record);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return null;
  }

  private Map<String, RecordService<?, ?, ?>> byResource() {
    if (byResource == null) {
      Map<String, RecordService<?, ?, ?>> found = new HashMap<>();
      services.forEach(s -> found.putIfAbsent(s.resource(), s));
      byResource = found;
    }
    return byResource;
  }

  /** The record service of a resource (imports write through it as a single call would). */
  public RecordService<?, ?, ?> service(String resource) {
    RecordService<?, ?, ?> service = byResource().get(resource);
    if (service == null) {
      throw new IllegalStateException("No record service for resource " + resource);
    }
    return service;
  }
}
