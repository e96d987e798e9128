package dev.headlesscrm.customer.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a public pool. */
@Input("CustomerPoolInput")
@Schema(name = "CustomerPoolInput")
public record CustomerPoolInput(
    @NotBlank @Size(max = 100) @Schema(examples = "华东公海") String name,
    @Size(max = 1000) String description,
    @Schema(description = "Default true; an inactive pool governs nobody but keeps its customers")
        Boolean active,
    @Schema(description = "Lower first when an owner is a member of several pools (default 100)")
        Integer priority,
    @Size(max = 1000) List<@NotNull UUID> memberEmployeeIds,
    @Size(max = 200)
        @Schema(description = "Departments whose employees (sub-departments included) are members")
        List<@NotNull UUID> memberDepartmentIds,
    @Size(max = 100)
        @Schema(description = "Employees who assign from the pool (they are members too)")
        List<@NotNull UUID> adminIds,
    @Size(max = 50) List<@Valid @NotNull PoolRuleInput> rules,
    @Min(0)
        @Max(365)
        @Schema(description = "Warn the owner this many days before a return (default 3)")
        Integer warnDaysBefore,
    @Min(0)
        @Max(365)
        @Schema(description = "Warn the owner's supervisor this many days before (default 1)")
        Integer escalateDaysBefore,
    @Min(0) @Schema(description = "Claims per employee per day from this pool; none: no limit")
        Integer dailyClaimLimit,
    @Min(0)
        @Schema(description = "拥有上限: customers an employee may own to claim or be assigned more")
        Integer ownershipCap,
    @Schema(description = "Whether won customers count toward the cap (default false)")
        Boolean capCountsWon,
    @Min(0)
        @Max(365)
        @Schema(description = "Days the previous owner waits to claim a customer back (default 0)")
        Integer coolingOffDays,
    @Min(0) @Schema(description = "Locked customers one owner may keep; none: no limit")
        Integer lockCap,
    @Size(max = 30)
        @Schema(
            description = "Customer fields withheld while a customer is in this pool",
            examples = "[\"mainPhone\", \"email\"]")
        List<@NotBlank String> hiddenFields) {}
