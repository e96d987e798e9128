package dev.headlesscrm.sales.receivable.application;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a payment plan period. */
@Input("PaymentPlanInput")
@Schema(name = "PaymentPlanInput")
public record PaymentPlanInput(
    @NotNull UUID contractId,
    @NotNull LocalDate dueDate,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
        BigDecimal amount,
    @Min(0) @Max(365) Integer reminderDays,
    @Size(max = 1000) String notes) {}
