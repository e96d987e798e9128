package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ServiceRequestType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much an open request of a type weighs in an agent's load. */
@Type("TypeWeight")
@Input("TypeWeightInput")
@Schema(
    name = "TypeWeight",
    description = "The load an open request of this type puts on its agent.")
public record TypeWeight(@NotNull ServiceRequestType type, @Min(0) @Max(100) int weight) {}
