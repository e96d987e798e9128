package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ServiceRequest;
import dev.headlesscrm.support.domain.SlaTimer;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a request's rules decided before it had its id (timers, a routing decision, a changed defect
 * link), kept until the save that gives it one. Held per transaction: a write that fails or a batch
 * chunk that is rolled back and run again leaves nothing behind.
 */
@TransactionScoped
public class PendingRequestWork implements Serializable {

  final Map<ServiceRequest, List<SlaTimer>> timers = new IdentityHashMap<>();
  final Map<ServiceRequest, ServiceRouting.Plan> routings = new IdentityHashMap<>();
  final Map<ServiceRequest, UUID> relinked = new IdentityHashMap<>();
}
