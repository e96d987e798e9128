package dev.headlesscrm.sales.order.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Quantities delivered now, per order line (the body of POST /sales-orders/{id}/deliver). */
@Input("DeliveryInput")
@Schema(name = "Delivery")
public record Delivery(@NotEmpty List<@Valid @NotNull Item> lines) {

  /** One line's delivered quantity. */
  @Input("DeliveryItemInput")
  @Schema(name = "DeliveryItem")
  public record Item(
      @NotNull UUID lineId,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity) {}
}
