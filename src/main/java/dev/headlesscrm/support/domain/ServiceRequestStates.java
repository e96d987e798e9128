package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.ServiceRequestStatus.ASSIGNED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.CLOSED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.NEW;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.REOPENED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.RESOLVED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.WAITING_FOR_CUSTOMER;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of service requests, declared once. */
public final class ServiceRequestStates {
  private ServiceRequestStates() {}

  /**
   * A new or reopened request is assigned; its agent starts work, waits for the customer and
   * resumes, and resolves it (also straight from assigned); a resolved request is closed or
   * reopened, and a closed one reopened. Reassigning keeps the status.
   */
  public static final StateMachine<ServiceRequestStatus> REQUEST =
      StateMachine.of("service-request", ServiceRequestStatus.class)
          .allow(NEW, ASSIGNED, RESOLVED)
          .allow(REOPENED, ASSIGNED, RESOLVED)
          .allow(ASSIGNED, IN_PROGRESS, RESOLVED)
          .allow(IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED)
          .allow(WAITING_FOR_CUSTOMER, IN_PROGRESS, RESOLVED)
          .allow(RESOLVED, CLOSED, REOPENED)
          .allow(CLOSED, REOPENED)
          .build();
}
