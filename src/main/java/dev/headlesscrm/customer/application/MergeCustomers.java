package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /customers/{survivorId}/merge}: the duplicates to fold into the survivor, which
 * record each field's value comes from (default: the survivor's), and whether to only preview.
 */
@Schema(name = "MergeCustomers")
public record MergeCustomers(
    @NotNull @Size(min = 1, max = 10) @Schema(description = "The duplicates; they end soft-deleted")
        List<UUID> mergeIds,
    @Ignore
        @Schema(
            description =
                "Field name → id of the record (survivor or a duplicate) whose value to keep,"
                    + " e.g. {\"email\": \"<duplicate id>\"}")
        Map<String, UUID> fields,
    @Schema(description = "Show the outcome without writing anything") Boolean dryRun) {}
