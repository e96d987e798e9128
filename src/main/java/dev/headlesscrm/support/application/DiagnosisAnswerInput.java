package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.DiagnosisAnswer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An answer of a diagnosis question: to the next question or to a solution article. */
@Input("DiagnosisAnswerInput")
@Schema(
    name = "DiagnosisAnswerInput",
    description =
        "An answer, known by its key within the question; it leads to exactly one of the next"
            + " question (nextNodeKey), a solution article (articleId) or a conclusion in words"
            + " where no article applies.")
public record DiagnosisAnswerInput(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") @Schema(examples = "yes")
        String key,
    @NotBlank @Size(max = 200) @Schema(examples = "是，指示灯闪烁") String label,
    @Size(max = 64) @Schema(description = "Key of the next question") String nextNodeKey,
    @Schema(description = "The solution: a knowledge article") UUID articleId,
    @Size(max = 1000)
        @Schema(description = "The end in words, where no article applies", examples = "请送修：更换定影组件")
        String conclusion) {

  static DiagnosisAnswerInput of(DiagnosisAnswer a) {
    return new DiagnosisAnswerInput(
        a.key(), a.label(), a.nextNodeKey(), a.articleId(), a.conclusion());
  }
}
