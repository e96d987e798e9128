package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.DiagnosisNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question of a diagnosis tree and its answers. */
@Input("DiagnosisNodeInput")
@Schema(
    name = "DiagnosisNodeInput",
    description = "A question, known by its key within the tree, with its answers.")
public record DiagnosisNodeInput(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") @Schema(examples = "power")
        String key,
    @NotBlank @Size(max = 500) @Schema(examples = "打印机电源指示灯是否亮起？") String question,
    @Size(max = 2000) @Schema(description = "How to find the answer") String hint,
    @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull DiagnosisAnswerInput> answers) {

  static DiagnosisNodeInput of(DiagnosisNode n) {
    return new DiagnosisNodeInput(
        n.key(),
        n.question(),
        n.hint(),
        n.answers().stream().map(DiagnosisAnswerInput::of).toList());
  }
}
