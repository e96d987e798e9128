package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.sales.receivable.domain.PaymentMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a payment (editable while DRAFT or REJECTED). */
@Input("PaymentInput")
@Schema(name = "PaymentInput")
public record PaymentInput(
    @NotNull UUID contractId,
    UUID planId,
    @NotNull LocalDate paidOn,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
        BigDecimal amount,
    @NotNull PaymentMethod method,
    @Size(max = 1000) String notes,
    @Size(max = 100) String externalId) {}
