package dev.headlesscrm.customer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.persistence.Transactions;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The customer's own actions: copy (复制), merge (合并) and duplicate check. */
@ApplicationScoped
public class CustomerActions {

  private static final Pattern SUFFIXES =
      Pattern.compile(
          "(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|分公司|"
              + "co\\.?,?\\s*ltd\\.?|ltd\\.?|inc\\.?|corp\\.?|corporation|company|gmbh|llc)$");
  private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}（）()，。、·]+");

  @Inject CustomerService customers;
  @Inject ContactService contacts;
  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject AccessPolicy access;
  @Inject ChangeLog changeLog;
  @Inject InputValidator validator;
  @Inject dev.headlesscrm.platform.records.References references;
  @Inject dev.headlesscrm.platform.security.FieldPolicy fields;

  /** A new customer with a new number from an existing one, optionally with its contacts. */
  @Transactional
  public CustomerView copy(UUID id, CopyCustomer request) {
    CopyCustomer copy = request == null ? new CopyCustomer(null, false) : validator.valid(request);
    CustomerView original = customers.get(id);
    ObjectNode data =
        json.valueToTree(CustomerService.DEFINITION.input().apply(em.find(Customer.class, id)));
    data.putNull("number");
    data.putNull("externalId");
    writableOnly(CustomerService.RESOURCE, data);
    if (copy.name() != null && !copy.name().isBlank()) {
      data.put("name", copy.name());
      data.putNull("mnemonic");
    }
    CustomerView created = customers.createFromJson(data);
    if (Boolean.TRUE.equals(copy.includeContacts())) {
      Map<UUID, UUID> newIds = new LinkedHashMap<>();
      List<Contact> originals =
          em.createQuery(
                  "from Contact c where c.customerId = :id and c.deletedAt is null order by c.id",
                  Contact.class)
              .setParameter("id", original.id())
              .getResultList();
      for (Contact c : originals) {
        ObjectNode contact = json.valueToTree(ContactService.DEFINITION.input().apply(c));
        contact.put("customerId", created.id().toString());
        contact.putNull("externalId");
        contact.putNull("reportsToId");
        writableOnly("contact", contact);
        newIds.put(c.id, contacts.createFromJson(contact).id());
      }
      // Reporting lines are copied once every copy exists.
      for (Contact c : originals) {
        if (c.reportsToId != null && newIds.containsKey(c.reportsToId)) {
          ObjectNode patch =
              json.createObjectNode().put("reportsToId", newIds.get(c.reportsToId).toString());
          contacts.update(newIds.get(c.id), null, patch);
        }
      }
    }
    return customers.get(created.id());
  }

  /** A copy carries only what the caller may write (and so see). */
  private void writableOnly(String resource, ObjectNode data) {
    data.properties()
        .removeIf(
            e ->
                fields.access(resource, e.getKey())
                    != dev.headlesscrm.platform.security.FieldAccess.WRITE);
  }

  /** Folds duplicates into the survivor; with dryRun nothing is written. */
  public MergeResult merge(UUID survivorId, MergeCustomers request) {
    validator.valid(request);
    boolean dryRun = Boolean.TRUE.equals(request.dryRun());
    return Transactions.inNew(
        () -> new Transactions.Outcome<>(doMerge(survivorId, request, dryRun), !dryRun));
  }

  private MergeResult doMerge(UUID survivorId, MergeCustomers request, boolean dryRun) {
    access.require(CustomerService.RESOURCE, Action.MERGE);
    CustomerView survivorBefore = customers.get(survivorId);
    Set<UUID> others = new LinkedHashSet<>(request.mergeIds());
    if (others.contains(survivorId)) {
      throw CrmException.invalidField(
          "mergeIds",
          "survivor",
          Text.of("The survivor cannot be merged into itself.", "保留的客户不能合并到自身。"));
    }
    // Every record of the merge locked first, in id order (two merges of one pair, or of a pair
    // either way round, wait for each other instead of deadlocking): of two merges of the same
    // duplicate, the second sees the first's outcome and is refused, instead of a moved or
    // concurrently-changed duplicate.
    java.util.List<UUID> lockOrder = new ArrayList<>(others);
    lockOrder.add(survivorId);
    lockOrder.stream()
        .sorted()
        .forEach(
            id -> em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    for (UUID id : others) {
      Customer locked = em.find(Customer.class, id);
      if (locked != null && survivorId.equals(locked.mergedIntoId)) {
        throw dev.headlesscrm.platform.state.StateMachine.already(
            "customer " + id + " (merged into " + survivorId + ")", "MERGED");
      }
    }
    Map<UUID, Customer> records = new LinkedHashMap<>();
    records.put(survivorId, em.find(Customer.class, survivorId));
    for (UUID id : others) {
      customers.get(id); // 404 (or 301) for what the caller cannot see or what is gone
      records.put(id, em.find(Customer.class, id));
    }
    ObjectNode chosen = json.createObjectNode();
    Map<String, UUID> fields = request.fields() == null ? Map.of() : request.fields();
    List<String> tags = new ArrayList<>(records.get(survivorId).tags);
    for (Customer other : records.values()) {
      other.tags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    }
    chosen.set("tags", json.valueToTree(tags));
    fields.forEach(
        (field, from) -> {
          Customer source = records.get(from);
          if (source == null) {
            throw CrmException.invalidField(
                "fields." + field,
                "not-in-merge",
                Text.of(
                    "The value must come from the survivor or one of mergeIds.",
                    "字段值必须取自保留客户或被合并的客户。"));
          }
          ObjectNode sourceInput =
              json.valueToTree(CustomerService.DEFINITION.input().apply(source));
          if (!sourceInput.has(field) || field.equals("number") || field.equals("externalId")) {
            throw CrmException.invalidField(
                "fields." + field,
                "unknown-field",
                Text.of("Not a mergeable field.", "该字段不可合并选择。"));
          }
          chosen.set(field, sourceInput.get(field));
        });
    // Duplicates go first, so unique values (external id) they held can move to the survivor.
    int contactsMoved = 0;
    int childrenMoved = 0;
    for (UUID id : others) {
      // Every record a declared relation moves on merge (contacts, child customers, the sales
      // documents...) now points at the survivor, each change with its history entry and event.
      Map<String, Integer> moved = references.reassign(CustomerService.RESOURCE, id, survivorId);
      contactsMoved += moved.getOrDefault("contact.customer", 0);
      childrenMoved += moved.getOrDefault("customer.parent", 0);
      Customer duplicate = records.get(id);
      CustomerView before = CustomerService.DEFINITION.view().apply(duplicate);
      duplicate.mergedIntoId = survivorId;
      if (!duplicate.isDeleted()) {
        duplicate.markDeleted();
      }
      em.flush();
      CustomerView after = CustomerService.DEFINITION.view().apply(duplicate);
      changeLog.record(
          new ChangeRecord(
              CustomerService.RESOURCE,
              duplicate.id,
              duplicate.version,
              "merged",
              changeLog.diff(before, after),
              after));
    }
    CustomerView survivor = customers.update(survivorId, null, chosen);
    if (survivor.version() == survivorBefore.version()) {
      // Its own fields unchanged, it still gained the duplicates' records: a merge, like every
      // action, moves the survivor's version (its history entry and event name the new one).
      Customer merged = em.find(Customer.class, survivorId);
      merged.touch();
      em.flush();
      survivor = customers.get(survivorId);
    }
    changeLog.record(
        new ChangeRecord(
            CustomerService.RESOURCE,
            survivorId,
            survivor.version(),
            "merged",
            changeLog.diff(survivorBefore, survivor),
            Map.of("survivor", survivor, "merged", others)));
    return new MergeResult(survivor, List.copyOf(others), contactsMoved, childrenMoved, dryRun);
  }

  /** Possible duplicates of a would-be customer, best first, each with its reasons. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<DuplicateCandidate.Match> duplicates(DuplicateCandidate.Check check) {
    access.require(CustomerService.RESOURCE, Action.READ);
    validator.valid(check);
    String name = check.name() == null ? "" : check.name().trim();
    String core = core(name);
    String phone = digits(check.mainPhone());
    String email = check.email() == null ? "" : check.email().trim().toLowerCase(Locale.ROOT);
    String mnemonic =
        check.mnemonic() == null ? "" : check.mnemonic().trim().toUpperCase(Locale.ROOT);
    if (core.isEmpty() && phone.isEmpty() && email.isEmpty() && mnemonic.isEmpty()) {
      throw CrmException.malformed(
          Text.of("Give at least a name, phone, email or mnemonic.", "请至少提供名称、电话、邮箱或助记码之一。"));
    }
    // Only customers the caller may see: a duplicate check must not reveal others' records.
    dev.headlesscrm.platform.query.SqlFragment scope = customers.visibleScope();
    StringBuilder scopeSql = new StringBuilder();
    int n = 5;
    for (char c : scope.sql().toCharArray()) {
      scopeSql.append(c == '?' ? "?" + (++n) : String.valueOf(c));
    }
    jakarta.persistence.Query query =
        em.createNativeQuery(
                "SELECT id, number, name, mnemonic, main_phone, email FROM customers t"
                    + " WHERE deleted_at IS NULL AND ("
                    + scopeSql
                    + ") AND ("
                    + " (?1 <> '' AND (name % ?1 OR name ILIKE ?2 ESCAPE '\\'))"
                    + " OR (?3 <> '' AND regexp_replace(coalesce(main_phone, ''), '[^0-9]', '', 'g') = ?3)"
                    + " OR (?4 <> '' AND lower(email) = ?4)"
                    + " OR (?5 <> '' AND mnemonic = ?5))"
                    + " LIMIT 200")
            .setParameter(1, name)
            .setParameter(
                2, "%" + core.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
            .setParameter(3, phone)
            .setParameter(4, email)
            .setParameter(5, mnemonic);
    for (int i = 0; i < scope.params().size(); i++) {
      query.setParameter(6 + i, scope.params().get(i));
    }
    List<Object[]> rows = query.getResultList();
    List<DuplicateCandidate.Match> matches = new ArrayList<>();
    for (Object[] row : rows) {
      List<DuplicateCandidate.Reason> reasons = new ArrayList<>();
      String otherName = (String) row[2];
      String otherCore = core(otherName);
      if (!core.isEmpty()) {
        if (otherCore.equals(core)) {
          reasons.add(new DuplicateCandidate.Reason("name", 1.0));
        } else if (otherCore.contains(core) || core.contains(otherCore)) {
          reasons.add(new DuplicateCandidate.Reason("name-partial", 0.8));
        } else {
          double similarity = bigramSimilarity(core, otherCore);
          if (similarity >= 0.3) {
            reasons.add(new DuplicateCandidate.Reason("name-similar", round(similarity)));
          }
        }
      }
      if (!mnemonic.isEmpty() && mnemonic.equals(row[3])) {
        reasons.add(new DuplicateCandidate.Reason("mnemonic", 0.6));
      }
      if (!phone.isEmpty() && phone.equals(digits((String) row[4]))) {
        reasons.add(new DuplicateCandidate.Reason("phone", 0.9));
      }
      if (!email.isEmpty()
          && row[5] != null
          && email.equals(((String) row[5]).toLowerCase(Locale.ROOT))) {
        reasons.add(new DuplicateCandidate.Reason("email", 0.9));
      }
      if (reasons.isEmpty()) {
        continue;
      }
      double best = reasons.stream().mapToDouble(DuplicateCandidate.Reason::score).max().orElse(0);
      double score = Math.min(1.0, best + 0.05 * (reasons.size() - 1));
      matches.add(
          new DuplicateCandidate.Match(
              (UUID) row[0], (String) row[1], otherName, round(score), reasons));
    }
    matches.sort(Comparator.comparingDouble(DuplicateCandidate.Match::score).reversed());
    return matches.size() > 20 ? matches.subList(0, 20) : matches;
  }

  /** A name without legal-form suffixes, spaces and punctuation, full-width folded, lowercase. */
  static String core(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
    s = NOISE.matcher(s).replaceAll("");
    String previous;
    do {
      previous = s;
      s = SUFFIXES.matcher(s).replaceAll("");
    } while (!s.equals(previous) && !s.isEmpty());
    return s.isEmpty() ? previous : s;
  }

  /**
   * Dice coefficient over character bigrams: works for Chinese names, where words have no spaces.
   */
  static double bigramSimilarity(String a, String b) {
    List<String> x = bigrams(a);
    List<String> y = bigrams(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    List<String> rest = new ArrayList<>(y);
    int common = 0;
    for (String g : x) {
      if (rest.remove(g)) {
        common++;
      }
    }
    return 2.0 * common / (x.size() + y.size());
  }

  private static List<String> bigrams(String s) {
    List<String> out = new ArrayList<>();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      out.add(new String(cps, i, 2));
    }
    return out;
  }

  private static String digits(String phone) {
    if (phone == null) {
      return "";
    }
    String d = phone.replaceAll("[^0-9]", "");
    return d.startsWith("86") && d.length() == 13 ? d.substring(2) : d;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
