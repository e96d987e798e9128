package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.ServiceRequestStatus.ASSIGNED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.CLOSED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.IN_PROGRESS;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.NEW;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.REOPENED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.RESOLVED;
import static dev.headlesscrm.support.domain.ServiceRequestStatus.WAITING_FOR_CUSTOMER;

import dev.headlesscrm.sales.StateTransitions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every allowed and every refused transition of service requests and product defects. */
class ServiceStatesTest {

  static final Map<ServiceRequestStatus, Set<ServiceRequestStatus>> REQUEST =
      Map.of(
          NEW, EnumSet.of(ASSIGNED, RESOLVED),
          REOPENED, EnumSet.of(ASSIGNED, RESOLVED),
          ASSIGNED, EnumSet.of(IN_PROGRESS, RESOLVED),
          IN_PROGRESS, EnumSet.of(WAITING_FOR_CUSTOMER, RESOLVED),
          WAITING_FOR_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED),
          RESOLVED, EnumSet.of(CLOSED, REOPENED),
          CLOSED, EnumSet.of(REOPENED));

  static final Map<DefectStatus, Set<DefectStatus>> DEFECT =
      Map.of(
          DefectStatus.REPORTED, EnumSet.of(DefectStatus.CONFIRMED, DefectStatus.CLOSED),
          DefectStatus.CONFIRMED, EnumSet.of(DefectStatus.FIXING),
          DefectStatus.FIXING, EnumSet.of(DefectStatus.FIXED),
          DefectStatus.FIXED, EnumSet.of(DefectStatus.CLOSED, DefectStatus.CONFIRMED),
          DefectStatus.CLOSED, EnumSet.of(DefectStatus.CONFIRMED));

  @TestFactory
  Stream<DynamicTest> requestTransitions() {
    return StateTransitions.transitions(
        ServiceRequestStates.REQUEST, ServiceRequestStatus.class, REQUEST);
  }

  @TestFactory
  Stream<DynamicTest> defectTransitions() {
    return StateTransitions.transitions(DefectStates.DEFECT, DefectStatus.class, DEFECT);
  }
}
