package dev.headlesscrm.testresource;

import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A widget as clients read it. */
@Schema(name = "Widget")
public record WidgetView(
    UUID id,
    String code,
    String name,
    int quantity,
    BigDecimal price,
    Widget.Status status,
    Map<String, String> custom,
    String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
