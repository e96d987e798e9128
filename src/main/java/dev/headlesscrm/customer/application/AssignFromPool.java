package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 分配: the employee a pool administrator gives the customer to. */
@Schema(name = "AssignFromPool")
public record AssignFromPool(@NotNull @Schema(description = "An active employee") UUID ownerId) {}
