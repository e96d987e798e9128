package dev.headlesscrm.support.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an agent profile. */
@Input("AgentProfileInput")
@Schema(name = "AgentProfileInput", description = "The writable fields of an agent profile.")
public record AgentProfileInput(
    @NotNull @Schema(description = "The employee; one profile each") UUID employeeId,
    @Schema(description = "Takes new requests; true when omitted") Boolean available,
    @NotNull
        @Min(0)
        @Max(1000)
        @Schema(
            description = "Units of open work; a request weighs its queue's weight for its type")
        Integer capacity,
    @Schema(description = "Working time; always at work when omitted") UUID calendarId,
    @Size(max = 100) List<@Valid @NotNull AgentSkillInput> skills,
    @Size(max = 2000) String note) {}
