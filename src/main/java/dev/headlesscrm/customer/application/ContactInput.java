package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Gender;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a contact. */
@Input("ContactInput")
@Schema(name = "ContactInput", description = "The writable fields of a contact.")
public record ContactInput(
    @NotNull UUID customerId,
    @NotBlank @Size(max = 100) @Schema(examples = "王芳") String name,
    Gender gender,
    @Past LocalDate birthday,
    @Size(max = 100) @Schema(examples = "采购部") String department,
    @Size(max = 100) @Schema(examples = "采购经理") String title,
    UUID reportsToId,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String officePhone,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") @Schema(examples = "13800138000")
        String mobile,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String homePhone,
    @Email @Size(max = 254) @Schema(examples = "wang.fang@example.com") String email,
    @Schema(description = "即时通讯: a WeChat or QQ id") @Size(max = 100) String imId,
    @Schema(
            description =
                "The age when the birthday is unknown; it grows by a year every year from the day"
                    + " it is given. Ignored when a birthday is given (the age is derived from it).")
        @Min(0)
        @Max(150)
        Integer age,
    @Size(max = 500) String hobbies,
    @Size(max = 10000) String notes,
    Boolean keyDecisionMaker,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    @Size(max = 100) String externalId,
    @Schema(description = "The customer's owner when omitted") UUID ownerId) {}
