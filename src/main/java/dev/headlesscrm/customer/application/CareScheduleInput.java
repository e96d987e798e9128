package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.CareOccasion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a care schedule. */
@Input("CareScheduleInput")
@Schema(name = "CareScheduleInput")
public record CareScheduleInput(
    @NotBlank @Size(max = 100) @Schema(examples = "生日前三天送祝福") String name,
    @NotNull
        @Schema(
            description =
                "BIRTHDAY (contacts and individual customers), ANNIVERSARY (the"
                    + " customer's registration date) or CONTRACT_END (its latest approved contract)")
        CareOccasion occasion,
    @NotNull @Min(0) @Max(60) Integer daysBefore,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'care-kind'", examples = "GREETING")
        String careKind,
    @NotBlank @Size(max = 150) @Schema(examples = "生日祝福") String taskSubject,
    @Schema(description = "Default true") Boolean active) {}
