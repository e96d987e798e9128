package dev.headlesscrm.sales.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Where quotes, contracts and payments meet the approval engine: a submitted record goes into
 * approval when its resource has an active approval flow, else it is approved at once.
 */
@ApplicationScoped
public class SalesApprovals {

  /** True when the record is now in approval; false when no flow applies (approve directly). */
  public boolean submit(String resource, UUID recordId, String comment) {
    return false;
  }
}
