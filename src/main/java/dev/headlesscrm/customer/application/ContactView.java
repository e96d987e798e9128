package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Gender;
import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as clients read it. */
@Type("Contact")
@org.eclipse.microprofile.graphql.Description(
    "A person at a customer (联系人). homePhone, birthday and age are sensitive: null, without an"
        + " error, for callers without contact:view_sensitive (REST leaves them out); other fields"
        + " hidden by field permissions are null too.")
@Schema(name = "Contact", description = "A person at a customer (联系人).")
public record ContactView(
    @Id UUID id,
    UUID customerId,
    @Schema(examples = "王建国") String name,
    Gender gender,
    LocalDate birthday,
    @Schema(
            description =
                "Derived from the birthday (in China Standard Time), or the age given without a"
                    + " birthday, grown by the years since it was given")
        Integer age,
    @Schema(description = "所在部门") String department,
    @Schema(description = "职务") String title,
    @Schema(description = "上级主管: another contact of the same customer") UUID reportsToId,
    String officePhone,
    String mobile,
    String homePhone,
    String email,
    @Schema(description = "即时通讯: a WeChat or QQ id") String imId,
    String hobbies,
    String notes,
    boolean keyDecisionMaker,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    @Schema(description = "True once erased: personal data replaced") boolean anonymised,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  /** The contact's age today: from the birthday, else from the age as told and when. */
  static Integer ageOf(Contact c) {
    LocalDate today = LocalDate.now(ZONE);
    if (c.birthday != null) {
      return Period.between(c.birthday, today).getYears();
    }
    if (c.age == null || c.ageAsOf == null) {
      return null;
    }
    return c.age + Math.max(0, Period.between(c.ageAsOf, today).getYears());
  }
}
