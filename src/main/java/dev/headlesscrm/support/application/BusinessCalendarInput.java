package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.Weekday;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a business calendar. */
@Input("BusinessCalendarInput")
@Schema(name = "BusinessCalendarInput", description = "The writable fields of a business calendar.")
public record BusinessCalendarInput(
    @NotBlank @Size(max = 100) @Schema(examples = "上海客服中心") String name,
    @Size(max = 64)
        @Schema(
            description = "IANA time zone; the business time zone when omitted",
            examples = "Asia/Shanghai")
        String timeZone,
    @NotNull
        @Size(min = 1, max = 70)
        @Schema(description = "Working intervals; several on one day leave breaks between them")
        List<@Valid @NotNull WorkingHoursInput> weeklyHours,
    @Size(max = 400) @Schema(description = "Days without working time (public holidays)")
        List<@NotNull LocalDate> holidays,
    @Size(max = 200)
        @Schema(
            description = "Days worked although they are weekend days (调休 make-up working days)")
        List<@NotNull LocalDate> makeUpWorkdays,
    @Schema(description = "Whose weekday's hours a make-up working day has; MONDAY when omitted")
        Weekday makeUpHoursOf,
    @Size(max = 2000) String description) {}
