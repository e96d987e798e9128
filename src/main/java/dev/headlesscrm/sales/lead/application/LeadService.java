package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CustomerActions;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.customer.application.DuplicateCandidate;
import dev.headlesscrm.customer.application.NewContact;
import dev.headlesscrm.customer.application.NewCustomer;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.search.SearchText;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.sales.lead.domain.Lead;
import dev.headlesscrm.sales.lead.domain.LeadStates;
import dev.headlesscrm.sales.lead.domain.LeadStatus;
import dev.headlesscrm.sales.pipeline.application.OpportunityInput;
import dev.headlesscrm.sales.pipeline.application.OpportunityService;
import dev.headlesscrm.sales.pipeline.application.OpportunityView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Leads (线索): worked until qualified, then converted in one step; converted leads are frozen. */
@ApplicationScoped
public class LeadService extends OwnedRecordService<Lead, LeadView, LeadInput> {

  static final String RESOURCE = "lead";

  @Inject DictionaryService dictionaryCheck;
  @Inject CustomerService customers;
  @Inject ContactService contacts;
  @Inject OpportunityService opportunities;
  @Inject CustomerActions customerActions;

  private static final RecordDefinition<Lead, LeadView, LeadInput> DEFINITION =
      RecordDefinition.of(LeadResources.LEADS, Lead.class, LeadView.class, LeadInput.class)
          .own("status")
          .build();

  @Override
  protected RecordDefinition<Lead, LeadView, LeadInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(LeadInput in, Lead l, boolean creating) {
    if (!creating && l.status == LeadStatus.CONVERTED) {
      throw CrmException.conflict(
          Text.of("A converted lead can no longer be changed.", "已转化的线索不能再修改。"));
    }
    LeadStatus target = in.status() == null ? (creating ? LeadStatus.NEW : l.status) : in.status();
    if (target == LeadStatus.CONVERTED) {
      throw CrmException.invalidField(
          "status",
          "convert",
          Text.of(
              "A lead becomes CONVERTED only through POST /leads/{id}/convert.",
              "线索只能通过转化操作变为已转化。"));
    }
    if (!creating) {
      LeadStates.LEAD.check(l.status, target);
    }
    Map<String, String> codes = new HashMap<>();
    codes.put("source", in.source());
    codes.put("industry", in.industry());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    copy(in, l);
    l.status = target;
    l.name = in.name().trim();
    assignOwner(l, in.ownerId(), creating);
    SearchText.Columns search =
        SearchText.builder()
            .add(l.name)
            .add(l.company)
            .phone(l.mobile)
            .phone(l.phone)
            .email(l.email)
            .build();
    l.searchText = search.searchText();
    l.searchTokens = new ArrayList<>(search.searchTokens());
  }

  /**
   * 线索转化: in one transaction, the customer (an existing one the caller sees, or a new one from the
   * lead), a contact and optionally an opportunity; the lead points at them and is frozen.
   */
  @Transactional
  public ConversionResult convert(UUID id, ConvertLead request) {
    ConvertLead convert = validator.valid(request == null ? ConvertLead.DEFAULT : request);
    // Locked: of two conversions of one lead, the second waits, then is refused.
    Lead lead = forUpdate(id, Action.CONVERT);
    LeadStates.LEAD.act(lead.status, LeadStatus.CONVERTED);
    LeadView before = view(lead);
    UUID owner = lead.ownerId;

    CustomerView customer;
    if (convert.customerId() != null) {
      customer = customers.get(convert.customerId());
    } else {
      // Typed commands of the customer context: a renamed field breaks this at compile time.
      customer =
          customers.create(
              new NewCustomer(
                  blank(convert.customerName()) ? companyOrName(lead) : convert.customerName(),
                  lead.phone != null ? lead.phone : lead.mobile,
                  lead.email,
                  lead.address,
                  lead.industry,
                  sourceForCustomer(lead.source),
                  owner));
    }
    ContactView contact =
        contacts.create(
            new NewContact(
                customer.id(), lead.name, lead.title, lead.mobile, lead.phone, lead.email, owner));

    OpportunityView opportunity = null;
    if (Boolean.TRUE.equals(convert.createOpportunity())) {
      OpportunityInput o =
          new OpportunityInput(
              blank(convert.opportunityName())
                  ? customer.name() + " 商机"
                  : convert.opportunityName(),
              customer.id(),
              contact.id(),
              convert.pipelineId(),
              null,
              convert.amount(),
              null,
              convert.expectedCloseDate(),
              null,
              null,
              null,
              null,
              lead.source,
              null,
              null,
              null,
              null,
              owner);
      opportunity = opportunities.createFromLead(o, lead.id);
    }

    lead.status = LeadStatus.CONVERTED;
    lead.convertedCustomerId = customer.id();
    lead.convertedContactId = contact.id();
    lead.convertedOpportunityId = opportunity == null ? null : opportunity.id();
    lead.convertedAt = now();
    em.flush();
    LeadView after = view(lead);
    record(lead, "converted", changeLog.diff(before, after), after);
    return new ConversionResult(after, customer, contact, opportunity);
  }

  /**
   * 查重 before creating a lead: unconverted leads (same name and company, similar company, phone or
   * email) and customers (name, phone, email) that look like it, within the caller's scope.
   */
  @Transactional
  public LeadDuplicates duplicates(String name, String company, String phone, String email) {
    String organisation = blank(company) ? name : company;
    boolean anything = !blank(organisation) || !blank(phone) || !blank(email);
    return new LeadDuplicates(
        duplicateLeads(name, company, phone, email),
        anything
            ? customerActions.duplicates(
                new DuplicateCandidate.Check(organisation, null, phone, email))
            : List.of());
  }

  /** Possible duplicates of a would-be lead among unconverted leads. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<LeadView> duplicateLeads(String name, String company, String phone, String email) {
    access.require(RESOURCE, Action.READ);
    String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
    String mail = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    String who = name == null ? "" : name.trim();
    String org = company == null ? "" : company.trim();
    List<Lead> found =
        em.createNativeQuery(
                "SELECT * FROM leads t WHERE deleted_at IS NULL AND status <> 'CONVERTED' AND ("
                    + " (?1 <> '' AND ?2 <> '' AND name = ?1 AND company = ?2)"
                    + " OR (?2 <> '' AND company % ?2)"
                    + " OR (?3 <> '' AND regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g')"
                    + " = ?3)"
                    + " OR (?4 <> '' AND lower(email) = ?4)) ORDER BY created_at LIMIT 200",
                Lead.class)
            .setParameter(1, who)
            .setParameter(2, org)
            .setParameter(3, digits)
            .setParameter(4, mail)
            .getResultList();
    return found.stream().filter(this::visible).map(this::view).limit(50).toList();
  }

  private static String companyOrName(Lead lead) {
    return blank(lead.company) ? lead.name : lead.company;
  }

  /** Lead sources and customer sources share their codes; others are left out. */
  private static String sourceForCustomer(String source) {
    return source == null
            || !List.of("WEB", "REFERRAL", "CAMPAIGN", "EXHIBITION", "COLD_CALL", "PARTNER")
                .contains(source)
        ? null
        : source;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
