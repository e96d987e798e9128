package dev.headlesscrm.platform.numbering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a numbering rule: the target of a merge patch and of a preview. */
@Schema(name = "NumberingRuleInput", description = "The writable fields of a numbering rule.")
@Input("NumberingRuleInput")
public record NumberingRuleInput(
    @NotBlank @Size(max = NumberPattern.MAX_LENGTH) @Schema(examples = "HT{yyyyMMdd}{seq:3}")
        String pattern,
    @NotNull ResetPolicy reset) {

  static NumberingRuleInput of(NumberingRule r) {
    return new NumberingRuleInput(r.pattern, r.reset);
  }

  /** The pattern, parsed and checked against the reset policy (422 naming the field otherwise). */
  NumberPattern parsed() {
    return NumberPattern.parse(pattern).checkUnique(reset);
  }
}
