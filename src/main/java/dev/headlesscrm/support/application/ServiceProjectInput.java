package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ProjectKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a service project; its status moves only through its actions, its
 * milestone counts, progress and hours follow its milestones and time entries.
 */
@Input("ServiceProjectInput")
@Schema(name = "ServiceProjectInput", description = "The writable fields of a service project.")
public record ServiceProjectInput(
    @Size(max = 128) @Schema(description = "The caller's own id, for upserts") String externalId,
    @NotBlank @Size(max = 200) @Schema(examples = "ERP 实施项目") String name,
    @Schema(description = "IMPLEMENTATION when omitted") ProjectKind kind,
    @NotNull @Schema(description = "The customer it is for (fixed once created)") UUID customerId,
    @Schema(description = "The customer's sales contract it delivers") UUID contractId,
    @Schema(description = "The customer's sales order it delivers") UUID orderId,
    @Size(max = 20000) String description,
    @Schema(examples = "2026-12-14") LocalDate plannedStart,
    @Schema(description = "Not before plannedStart") LocalDate plannedEnd,
    @DecimalMin("0")
        @Digits(integer = 7, fraction = 2)
        @Schema(
            description =
                "Hours budgeted; logging beyond them is allowed and flags the project overBudget",
            examples = "120")
        BigDecimal budgetHours,
    @Schema(description = "The project manager (an active employee); the caller when omitted")
        UUID ownerId) {}
