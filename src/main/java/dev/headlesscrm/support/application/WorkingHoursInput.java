package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.Weekday;
import dev.headlesscrm.support.domain.WorkingHours;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One working interval of a weekday. */
@Input("WorkingHoursInput")
@Schema(name = "WorkingHoursInput", description = "One working interval of a weekday.")
public record WorkingHoursInput(
    @NotNull @Schema(examples = "MONDAY") Weekday day,
    @NotNull
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm")
        @Schema(examples = "09:00")
        String from,
    @NotNull
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d|24:00", message = "must be HH:mm or 24:00")
        @Schema(description = "After from; 24:00 is the end of the day", examples = "12:00")
        String to) {

  static WorkingHoursInput of(WorkingHours h) {
    return new WorkingHoursInput(h.day(), h.from(), h.to());
  }

  WorkingHours hours() {
    return new WorkingHours(day, from, to);
  }
}
