package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A custom field definition as clients read it. */
@Type("CustomField")
@Schema(
    name = "CustomField",
    description =
        "A field an administrator added to a resource (自定义字段). Its values are text under the"
            + " record's custom object, in canonical form for the type.")
public record CustomFieldView(
    @Id UUID id,
    @Schema(examples = "customer") String resource,
    @Schema(examples = "budget") String key,
    @Schema(examples = "MONEY") CustomFieldType type,
    @Schema(examples = "年度预算") String labelZh,
    @Schema(examples = "Annual budget") String labelEn,
    String description,
    boolean required,
    boolean unique,
    String pattern,
    BigDecimal minimum,
    BigDecimal maximum,
    @Schema(description = "The longest text accepted (text types)") Integer maxLength,
    String dictionary,
    String referenceResource,
    int sortOrder,
    @Schema(description = "custom.<key>: what filter and sort take", examples = "custom.budget")
        String path,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while retired: stored values stay readable, new ones are refused")
        Instant deletedAt)
    implements Versioned {}
