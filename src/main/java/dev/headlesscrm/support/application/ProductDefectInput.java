package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.DefectSeverity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a product defect; its status moves only through its actions. */
@Input("ProductDefectInput")
@Schema(name = "ProductDefectInput", description = "The writable fields of a product defect.")
public record ProductDefectInput(
    @NotNull UUID productId,
    @Size(max = 64) @Schema(examples = "3.2.1") String productVersion,
    @NotBlank @Size(max = 200) @Schema(examples = "高温环境下频繁卡纸") String title,
    @Size(max = 20000) String description,
    @Schema(description = "MEDIUM when omitted") DefectSeverity severity) {}
