package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.support.domain.ServiceQueue;
import dev.headlesscrm.support.domain.ServiceRequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Service queues (服务队列): what routing tries, by rank, with overflow. */
@ApplicationScoped
public class ServiceQueueService
    extends RecordService<ServiceQueue, ServiceQueueView, ServiceQueueInput> {

  @Inject OrgDirectory org;

  static final RecordDefinition<ServiceQueue, ServiceQueueView, ServiceQueueInput> DEFINITION =
      RecordDefinition.of(
              SupportResources.QUEUES,
              ServiceQueue.class,
              ServiceQueueView.class,
              ServiceQueueInput.class)
          .derived(
              "requestTypes",
              q -> q.requestTypes.stream().map(ServiceRequestType::valueOf).toList())
          .derived(
              "typeWeights",
              q ->
                  q.typeWeights.entrySet().stream()
                      .map(
                          e -> new TypeWeight(ServiceRequestType.valueOf(e.getKey()), e.getValue()))
                      .toList())
          .own("name", "active", "memberIds", "categories", "requestTypes", "typeWeights")
          .build();

  @Override
  protected RecordDefinition<ServiceQueue, ServiceQueueView, ServiceQueueInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ServiceQueueInput in, ServiceQueue q, boolean creating) {
    List<UUID> members =
        in.memberIds() == null
            ? new ArrayList<>()
            : new ArrayList<>(new LinkedHashSet<>(in.memberIds()));
    for (int i = 0; i < members.size(); i++) {
      if (!members.get(i).equals(i < q.memberIds.size() ? q.memberIds.get(i) : null)
          && !q.memberIds.contains(members.get(i))
          && org.activeEmployee(members.get(i)).isEmpty()) {
        throw CrmException.invalidField(
            "memberIds[" + i + "]", "not-found", Text.of("No such working employee.", "没有这位在职员工。"));
      }
    }
    if (in.overflowQueueId() != null) {
      Set<UUID> seen = new HashSet<>();
      if (q.id != null) {
        seen.add(q.id);
      }
      UUID next = in.overflowQueueId();
      while (next != null) {
        ServiceQueue o = em.find(ServiceQueue.class, next);
        if (o == null || o.isDeleted()) {
          throw CrmException.invalidField(
              "overflowQueueId", "not-found", Text.of("No such queue.", "服务队列不存在。"));
        }
        if (!seen.add(next)) {
          throw CrmException.invalidField(
              "overflowQueueId",
              "cycle",
              Text.of("Overflow would come back to this queue.", "溢出队列形成了循环。"));
        }
        next = o.overflowQueueId;
      }
    }
    copy(in, q);
    q.name = in.name().trim();
    q.active = in.active() == null || in.active();
    q.memberIds = members;
    q.categories =
        in.categories() == null
            ? new ArrayList<>()
            : new ArrayList<>(new LinkedHashSet<>(in.categories()));
    q.requestTypes =
        in.requestTypes() == null
            ? new ArrayList<>()
            : new ArrayList<>(in.requestTypes().stream().map(Enum::name).distinct().toList());
    Map<String, Integer> weights = new LinkedHashMap<>();
    if (in.typeWeights() != null) {
      in.typeWeights().forEach(w -> weights.put(w.type().name(), w.weight()));
    }
    q.typeWeights = weights;
  }
}
