package dev.headlesscrm.testresource;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a widget. */
@Schema(name = "WidgetInput")
public record WidgetInput(
    @NotBlank @Size(max = 40) String code,
    @NotBlank @Size(max = 100) String name,
    @PositiveOrZero Integer quantity,
    @PositiveOrZero BigDecimal price,
    Widget.Status status,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    UUID ownerId) {}
