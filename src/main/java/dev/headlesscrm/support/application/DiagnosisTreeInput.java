package dev.headlesscrm.support.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a diagnosis tree: the whole tree, its questions and answers included. */
@Input("DiagnosisTreeInput")
@Schema(
    name = "DiagnosisTreeInput",
    description =
        "A diagnosis tree with all its questions (nodes). Checked as a whole: unique keys, a root"
            + " among them, every answer leading to an existing question or to a live knowledge"
            + " article, no cycles, every question reachable from the root; each failure is a 422"
            + " naming its place (nodes[2].answers[0].nextNodeKey).")
public record DiagnosisTreeInput(
    @NotBlank @Size(max = 200) @Schema(examples = "打印机不出纸诊断") String name,
    @Size(max = 20000) String description,
    UUID productId,
    @Size(max = 64)
        @Schema(description = "Code from dictionary 'service-category'", examples = "HARDWARE")
        String category,
    @Schema(description = "true when omitted") Boolean active,
    @NotBlank @Size(max = 64) @Schema(description = "Key of the first question", examples = "power")
        String rootNodeKey,
    @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull DiagnosisNodeInput> nodes) {}
