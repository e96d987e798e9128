package dev.headlesscrm.platform.customfields.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.customfields.CustomFieldInput;
import dev.headlesscrm.platform.customfields.CustomFieldService;
import dev.headlesscrm.platform.customfields.CustomFieldView;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Declares CustomFieldInput to the schema through its create; the other operations (customField,
 * customFields, updateCustomField, deleteCustomField, restoreCustomField) are derived.
 */
@GraphQLApi
@dev.headlesscrm.platform.graphql.GraphQlProblems
public class CustomFieldGraphQlApi {

  @Inject CustomFieldService service;
  @Inject ObjectMapper json;

  @Mutation("createCustomField")
  @Description("Defines a custom field (as POST /api/v1/custom-fields); in force at once.")
  public CustomFieldView createCustomField(@NonNull CustomFieldInput input) {
    return service.createFromJson(GraphQlInputs.replacement(json, input));
  }
}
