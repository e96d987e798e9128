package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.UUID;

/**
 * {@code carry: ["tasks"]}: a customer's open tasks move to its new owner with it (a claim or an
 * assignment out of the pool carries them always); done and cancelled ones keep who did them.
 */
@ApplicationScoped
public class TasksFollowCustomer {

  @Produces
  TransferParticipant tasks(TaskService tasks) {
    return new TransferParticipant() {
      @Override
      public String resource() {
        return CustomerService.RESOURCE;
      }

      @Override
      public String carries() {
        return "tasks";
      }

      @Override
      public void carry(UUID recordId, Transfer transfer) {
        if (transfer.to() != null) {
          tasks.followOpen(recordId, transfer);
        }
      }
    };
  }
}
