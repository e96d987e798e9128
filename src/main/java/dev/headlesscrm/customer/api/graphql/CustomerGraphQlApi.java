package dev.headlesscrm.customer.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.customer.application.ContactInput;
import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CopyCustomer;
import dev.headlesscrm.customer.application.CustomerActions;
import dev.headlesscrm.customer.application.CustomerInput;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.customer.application.DuplicateCandidate;
import dev.headlesscrm.customer.application.MergeCustomers;
import dev.headlesscrm.customer.application.MergeResult;
import dev.headlesscrm.customer.application.PutBack;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.TeamMemberInput;
import dev.headlesscrm.platform.records.TeamMemberView;
import dev.headlesscrm.platform.records.TransferRequest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Customers and contacts over GraphQL: the same services, filter language, permissions and
 * validation as REST; relations resolve one query per level.
 */
@GraphQLApi
@GraphQlProblems
public class CustomerGraphQlApi {

  @Inject CustomerService customers;
  @Inject ContactService contacts;
  @Inject CustomerActions actions;
  @Inject ObjectMapper json;

  /** A page of customers. */
  public static class CustomerConnection extends Connection<CustomerView> {
    CustomerConnection(Page<CustomerView> page) {
      super(page);
    }
  }

  /** A page of contacts. */
  public static class ContactConnection extends Connection<ContactView> {
    ContactConnection(Page<ContactView> page) {
      super(page);
    }
  }

  /** Which record a merged field's value comes from. */
  @Input("MergeFieldChoice")
  public record MergeFieldChoice(@NonNull String field, @NonNull @Id String from) {}

  // --- Queries ----------------------------------------------------------------------------

  @Query("customer")
  public CustomerView customer(@Id @NonNull String id) {
    return customers.get(Ids.parse(id));
  }

  @Query("customers")
  @Description("Filter is the REST filter language, e.g. \"level==A;city==上海\".")
  public CustomerConnection customers(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new CustomerConnection(
        customers.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  @Query("contact")
  public ContactView contact(@Id @NonNull String id) {
    return contacts.get(Ids.parse(id));
  }

  @Query("contacts")
  @Description("Filter is the REST filter language, e.g. \"customer.level==A\".")
  public ContactConnection contacts(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new ContactConnection(contacts.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  @Query("customerDuplicates")
  public List<DuplicateCandidate.Match> customerDuplicates(
      @NonNull DuplicateCandidate.Check check) {
    return actions.duplicates(check);
  }

  /** A page of a customer's timeline: the items and where the next page starts. */
  @org.eclipse.microprofile.graphql.Type("TimelinePage")
  public record TimelinePage(
      List<dev.headlesscrm.platform.timeline.TimelineItem> items, Connection.PageInfo pageInfo) {}

  @Query("customerTimeline")
  @Description(
      "客户全方位视图: follow-ups, tasks, opportunities, quotes, contracts, payments, ownership moves"
          + " and stage changes, newest first; kind picks kinds.")
  public TimelinePage customerTimeline(
      @Id @NonNull String id, List<String> kind, Integer first, String after) {
    Page<dev.headlesscrm.platform.timeline.TimelineItem> page =
        customers.timeline(Ids.parse(id), kind, first, after);
    return new TimelinePage(
        page.data(), new Connection.PageInfo(page.page().hasMore(), page.page().nextCursor()));
  }

  @Query("customerSummary")
  @Description("The customer's figures as the caller may see them.")
  public dev.headlesscrm.customer.application.CustomerSummary customerSummary(
      @Id @NonNull String id) {
    return customers.summary(Ids.parse(id));
  }

  @Query("poolCustomers")
  @Description(
      "The customers in a public pool (公海), for its members and administrators. The pool's"
          + " withheld fields are null and cannot be filtered or sorted on.")
  public CustomerConnection poolCustomers(
      @Id @NonNull String poolId,
      String filter,
      List<String> sort,
      Integer first,
      String after,
      Boolean count) {
    return new CustomerConnection(
        customers.inPool(Ids.parse(poolId), ListQuery.of(filter, null, sort, first, after, count)));
  }

  @Query("poolReturns")
  @Description(
      "回收预览: the owned customers in the caller's data scope the pool rules return by until"
          + " (default: the coming midnight, China time), earliest first.")
  public CustomerConnection poolReturns(
      java.time.Instant until, @Id String poolId, Integer first, String after, Boolean count) {
    return new CustomerConnection(
        customers.returnsDue(
            until, poolId == null ? null : Ids.parse(poolId), first, after, count));
  }

  // --- Mutations --------------------------------------------------------------------------

  @Mutation("claimCustomer")
  @Description("领取: a pool member takes the customer out of its pool, within the pool's limits.")
  public CustomerView claimCustomer(@Id @NonNull String id) {
    return customers.claim(Ids.parse(id));
  }

  @Mutation("assignCustomer")
  @Description("分配: a pool administrator gives a customer in the pool to an employee.")
  public CustomerView assignCustomer(@Id @NonNull String id, @Id @NonNull String ownerId) {
    return customers.assign(Ids.parse(id), Ids.parse(ownerId));
  }

  @Mutation("putBackCustomer")
  @Description("放入公海: into the named pool, or the one governing the owner, with a reason.")
  public CustomerView putBackCustomer(@Id @NonNull String id, @NonNull PutBack input) {
    return customers.putBack(Ids.parse(id), input);
  }

  @Mutation("lockCustomer")
  @Description("锁定: the customer does not return to the pool unless a rule includes locked ones.")
  public CustomerView lockCustomer(@Id @NonNull String id) {
    return customers.lock(Ids.parse(id));
  }

  @Mutation("unlockCustomer")
  @Description("解锁")
  public CustomerView unlockCustomer(@Id @NonNull String id) {
    return customers.unlock(Ids.parse(id));
  }

  @Mutation("createCustomer")
  public CustomerView createCustomer(@NonNull CustomerInput input) {
    return customers.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateCustomer")
  @Description(
      "Changes the fields given; fields left out or null stay as they are (clear them with REST"
          + " PATCH). expectedVersion guards against lost updates.")
  public CustomerView updateCustomer(
      @Id @NonNull String id, @NonNull CustomerInput input, Long expectedVersion) {
    return customers.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteCustomer")
  public boolean deleteCustomer(@Id @NonNull String id, Long expectedVersion) {
    customers.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  @Mutation("restoreCustomer")
  public CustomerView restoreCustomer(@Id @NonNull String id) {
    return customers.restore(Ids.parse(id));
  }

  @Mutation("copyCustomer")
  public CustomerView copyCustomer(@Id @NonNull String id, CopyCustomer input) {
    return actions.copy(Ids.parse(id), input);
  }

  @Mutation("mergeCustomers")
  public MergeResult mergeCustomers(
      @Id @NonNull String survivorId,
      @NonNull List<@NonNull String> mergeIds,
      List<MergeFieldChoice> fields,
      Boolean dryRun) {
    Map<String, UUID> choices = new LinkedHashMap<>();
    if (fields != null) {
      fields.forEach(f -> choices.put(f.field(), Ids.parse(f.from())));
    }
    return actions.merge(
        Ids.parse(survivorId),
        new MergeCustomers(mergeIds.stream().map(Ids::parse).toList(), choices, dryRun));
  }

  @Mutation("createContact")
  public ContactView createContact(@NonNull ContactInput input) {
    return contacts.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateContact")
  public ContactView updateContact(
      @Id @NonNull String id, @NonNull ContactInput input, Long expectedVersion) {
    return contacts.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteContact")
  public boolean deleteContact(@Id @NonNull String id, Long expectedVersion) {
    contacts.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  // --- Team members and transfer ---------------------------------------------------------

  @Mutation("addCustomerTeamMember")
  @Description("Shares the customer with an employee (团队成员), or changes their access.")
  public TeamMemberView addCustomerTeamMember(
      @Id @NonNull String customerId, @NonNull TeamMemberInput input) {
    return customers.share(Ids.parse(customerId), input);
  }

  @Mutation("removeCustomerTeamMember")
  public boolean removeCustomerTeamMember(
      @Id @NonNull String customerId, @Id @NonNull String employeeId) {
    customers.unshare(Ids.parse(customerId), Ids.parse(employeeId));
    return true;
  }

  @Mutation("transferCustomer")
  @Description("Gives the customer a new owner (转移), optionally with its contacts (carry).")
  public CustomerView transferCustomer(@Id @NonNull String id, @NonNull TransferRequest input) {
    return customers.transfer(Ids.parse(id), input);
  }

  @Mutation("addContactTeamMember")
  public TeamMemberView addContactTeamMember(
      @Id @NonNull String contactId, @NonNull TeamMemberInput input) {
    return contacts.share(Ids.parse(contactId), input);
  }

  @Mutation("removeContactTeamMember")
  public boolean removeContactTeamMember(
      @Id @NonNull String contactId, @Id @NonNull String employeeId) {
    contacts.unshare(Ids.parse(contactId), Ids.parse(employeeId));
    return true;
  }

  @Mutation("transferContact")
  public ContactView transferContact(@Id @NonNull String id, @NonNull TransferRequest input) {
    return contacts.transfer(Ids.parse(id), input);
  }
}
