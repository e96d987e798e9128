package dev.headlesscrm.sales.lead.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.sales.lead.application.ConversionResult;
import dev.headlesscrm.sales.lead.application.ConvertLead;
import dev.headlesscrm.sales.lead.application.LeadDuplicates;
import dev.headlesscrm.sales.lead.application.LeadInput;
import dev.headlesscrm.sales.lead.application.LeadService;
import dev.headlesscrm.sales.lead.application.LeadView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Leads over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class LeadGraphQlApi {

  @Inject LeadService leads;
  @Inject ObjectMapper json;

  /** A page of leads. */
  public static class LeadConnection extends Connection<LeadView> {
    LeadConnection(Page<LeadView> page) {
      super(page);
    }
  }

  @Query("lead")
  public LeadView lead(@Id @NonNull String id) {
    return leads.get(Ids.parse(id));
  }

  @Query("leads")
  @Description("Filter is the REST filter language, e.g. \"status==QUALIFIED;source==WEB\".")
  public LeadConnection leads(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new LeadConnection(leads.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  @Mutation("createLead")
  public LeadView createLead(@NonNull LeadInput input) {
    return leads.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateLead")
  @Description("Changes the fields given; fields left out or null stay as they are.")
  public LeadView updateLead(
      @Id @NonNull String id, @NonNull LeadInput input, Long expectedVersion) {
    return leads.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteLead")
  public boolean deleteLead(@Id @NonNull String id, Long expectedVersion) {
    leads.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  @Mutation("convertLead")
  @Description("A customer (new or existing), a contact and optionally an opportunity, at once.")
  public ConversionResult convertLead(@Id @NonNull String id, ConvertLead input) {
    return leads.convert(Ids.parse(id), input);
  }

  @Query("leadDuplicates")
  @Description(
      "查重 before creating a lead: unconverted leads and customers that look like it, within your"
          + " scope (as POST /api/v1/leads/duplicates).")
  public LeadDuplicates leadDuplicates(String name, String company, String mobile, String email) {
    return leads.duplicates(name, company, mobile, email);
  }
}
