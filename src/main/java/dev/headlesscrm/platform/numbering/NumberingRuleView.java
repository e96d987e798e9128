package dev.headlesscrm.platform.numbering;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A numbering rule as clients read it. */
@Schema(name = "NumberingRule", description = "How one kind of record is numbered (编号规则).")
@Type("NumberingRule")
public record NumberingRuleView(
    @Schema(description = "The rule's stable name, used in its URL.", examples = "customer")
        String key,
    @Schema(examples = "客户编号") String name,
    @Schema(
            description =
                "Literal text plus {yyyyMMdd}, {yyyyMM}, {yyyy} and exactly one {seq} or {seq:N}"
                    + " (zero-padded to at least N digits).",
            examples = "KH{yyyyMMdd}{seq:4}")
        String pattern,
    ResetPolicy reset,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy) {

  static NumberingRuleView of(NumberingRule r) {
    return new NumberingRuleView(
        r.ruleKey,
        r.name,
        r.pattern,
        r.reset,
        r.version,
        r.createdAt,
        r.createdBy,
        r.updatedAt,
        r.updatedBy);
  }
}
