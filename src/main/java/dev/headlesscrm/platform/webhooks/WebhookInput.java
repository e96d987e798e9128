package dev.headlesscrm.platform.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a webhook subscription. */
@Input("WebhookInput")
@Schema(name = "WebhookInput")
public record WebhookInput(
    @NotBlank
        @Size(max = TargetGuard.MAX_URL_LENGTH)
        @Schema(
            description =
                "An https URL (plain http only where the operator allows it); loopback,"
                    + " link-local and private addresses are refused unless the operator allows"
                    + " them",
            examples = "https://erp.example.com/crm-events")
        String url,
    @NotEmpty
        @Size(max = 50)
        @Schema(
            description =
                "Event type patterns, as the change feed's types: customer.created, customer.*,"
                    + " or * for every event",
            examples = "[\"customer.*\"]")
        List<@NotBlank @Size(max = 129) String> eventTypes,
    @Size(max = 4000)
        @Schema(
            description =
                "Optional list filter (e.g. level==A) on the records of the one resource that"
                    + " eventTypes name; evaluated on the record when the event is sent out")
        String filter,
    @Size(max = 500) String description,
    @Schema(description = "Default true") Boolean active,
    @Size(max = 200)
        @Schema(
            description =
                "Only when creating: a secret of your own (whsec_ and the base64 of 24–64 bytes);"
                    + " one is generated otherwise. Change it later with rotate-secret.")
        String secret) {}
