package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.AgentSkill;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One skill of an agent: a category or a product, with a level. */
@Input("AgentSkillInput")
@Schema(name = "AgentSkillInput", description = "A service category or a product, at a level 1–5.")
public record AgentSkillInput(
    @Size(max = 64) @Schema(description = "Code from dictionary 'service-category'")
        String category,
    UUID productId,
    @Min(1) @Max(5) @Schema(description = "1 can help … 5 expert", examples = "4") int level) {

  static AgentSkillInput of(AgentSkill s) {
    return new AgentSkillInput(s.category(), s.productId(), s.level());
  }
}
