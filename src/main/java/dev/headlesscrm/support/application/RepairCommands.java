package dev.headlesscrm.support.application;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of a repair's actions, the same for REST and GraphQL. */
public final class RepairCommands {
  private RepairCommands() {}

  /** Who visits when and where; what is omitted stays as the repair has it. */
  @Input("ScheduleRepair")
  @Schema(
      name = "ScheduleRepair",
      description =
          "The technician and visit window; omitted fields keep the repair's. A technician and a"
              + " start are required in the end.")
  public record Schedule(
      UUID technicianId,
      @Schema(examples = "2026-12-08T01:00:00Z") Instant scheduledStart,
      @Schema(examples = "2026-12-08T03:00:00Z") Instant scheduledEnd,
      @Size(max = 500) String visitAddress) {}

  /** What was found and done. */
  @Input("CompleteRepair")
  @Schema(
      name = "CompleteRepair",
      description =
          "The diagnosis (required unless the repair has one) and the resolution (required);"
              + " labourHours, when given, are the final hours and the costs follow.")
  public record Completion(
      @Size(max = 20000) @Schema(examples = "定影器温控失效") String diagnosis,
      @Size(max = 20000) @Schema(examples = "更换定影器组件，测试打印 50 页正常") String resolution,
      @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal labourHours) {}

  /** Why the repair is called off. */
  @Input("CancelRepair")
  @Schema(name = "CancelRepair")
  public record Cancellation(@Size(max = 500) @Schema(examples = "客户已自行更换") String reason) {}
}
