package dev.headlesscrm.platform.numbering;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Numbering rules (编号规则) over GraphQL: the same service as /api/v1/numbering-rules. */
@GraphQLApi
@GraphQlProblems
public class NumberingRuleGraphQlApi {

  @Inject NumberingRuleService service;
  @Inject ObjectMapper json;

  @Query("numberingRules")
  @Description("Every numbering rule (there is one per numbered resource).")
  public List<NumberingRuleView> numberingRules() {
    List<NumberingRuleView> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<NumberingRuleView> page = service.list(PageRequest.of(PageRequest.MAX_LIMIT, cursor));
      all.addAll(page.data());
      cursor = page.page().hasMore() ? page.page().nextCursor() : null;
    } while (cursor != null);
    return all;
  }

  @Query("numberingRule")
  @Description("One numbering rule by its key, e.g. customer.")
  public NumberingRuleView numberingRule(@NonNull String key) {
    return service.get(key);
  }

  @Mutation("updateNumberingRule")
  @Description(
      "Changes the pattern or reset policy given (administrators); expectedVersion guards against"
          + " lost updates.")
  public NumberingRuleView updateNumberingRule(
      @NonNull String key, @NonNull NumberingRuleInput input, BigInteger expectedVersion) {
    return service.update(
        key,
        expectedVersion == null ? null : expectedVersion.longValue(),
        GraphQlInputs.patch(json, input));
  }

  @Query("previewNumberingRule")
  @Description("The next numbers a proposed pattern would give, without changing the rule.")
  public NumberPreview previewNumberingRule(
      @NonNull String key, @NonNull NumberingRuleInput input) {
    return service.preview(key, json.valueToTree(input));
  }
}
