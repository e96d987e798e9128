package dev.headlesscrm.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The filter language compiled to SQL: what is accepted, what is bound, what is refused. */
class FilterCompilerTest {

  enum Stage {
    NEW,
    ACTIVE
  }

  static final ResourceSpec EMPLOYEE =
      ResourceSpec.builder("employee", "employees")
          .field("name", "name", FieldType.STRING, true, false)
          .relation("department", "department_id", "department")
          .softDelete()
          .build();
  static final ResourceSpec DEPARTMENT =
      ResourceSpec.builder("department", "departments")
          .field("name", "name", FieldType.STRING, true, false)
          .build();
  static final ResourceSpec CUSTOMER =
      ResourceSpec.builder("customer", "customers")
          .field("level", "level", FieldType.STRING, true, true)
          .field("industry", "industry", FieldType.STRING, true, true)
          .field("creditLimit", "credit_limit", FieldType.DECIMAL, true, true)
          .field("tags", "tags", FieldType.TAGS, false, false)
          .enumField("stage", "lifecycle_stage", Stage.class, true)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .auditFields()
          .relation("owner", "owner_id", "employee")
          .customFields("custom_fields")
          .softDelete()
          .build();
  static final ResourceRegistry REGISTRY = ResourceRegistry.of(CUSTOMER, EMPLOYEE, DEPARTMENT);

  static SqlFragment compile(String filter) {
    return FilterCompiler.compile(REGISTRY, CUSTOMER, filter);
  }

  @Test
  void andOrAndInAreBoundNeverConcatenated() {
    SqlFragment sql = compile("level==A;industry=in=(IT,Finance),creditLimit=ge=100000");
    assertEquals("((t.level = ? AND t.industry IN (?, ?)) OR t.credit_limit >= ?)", sql.sql());
    assertEquals(List.of("A", "IT", "Finance", new BigDecimal("100000")), sql.params());
  }

  @Test
  void quotedValuesWithChineseAndInjectionAttemptsAreJustValues() {
    SqlFragment sql = compile("level==\"A' OR 1=1 --\"");
    assertEquals("t.level = ?", sql.sql());
    assertTrue(sql.params().get(0).toString().contains("OR 1=1"));
    assertEquals(List.of("华东区"), compile("level==华东区").params());
  }

  @Test
  void dottedPathsFollowRelationsThroughExists() {
    SqlFragment sql = compile("owner.department.name==华东区");
    assertEquals(
        "EXISTS (SELECT 1 FROM employees r1 WHERE r1.id = t.owner_id AND r1.deleted_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM departments r2 WHERE r2.id = r1.department_id AND"
            + " r2.name = ?))",
        sql.sql());
    assertEquals(List.of("华东区"), sql.params());
  }

  @Test
  void likeIsContainsCaseInsensitiveWithWildcardsEscaped() {
    SqlFragment sql = compile("level=like=50%_off");
    assertEquals("t.level ILIKE ? ESCAPE '\\'", sql.sql());
    assertEquals(List.of("%50\\%\\_off%"), sql.params());
  }

  @Test
  void isNullAndNotEqualAndOutKeepNullSemanticsClear() {
    assertEquals("t.level IS NULL", compile("level=isnull=true").sql());
    assertEquals("t.level IS NOT NULL", compile("level=isnull=false").sql());
    assertEquals("t.level IS DISTINCT FROM ?", compile("level!=A").sql());
    assertEquals("(t.level NOT IN (?, ?) OR t.level IS NULL)", compile("level=out=(A,B)").sql());
  }

  @Test
  void typedValuesAreParsedByFieldType() {
    assertEquals(
        List.of(Instant.parse("2026-11-23T08:00:00Z")),
        compile("createdAt=gt=2026-11-23T08:00:00Z").params());
    assertEquals(List.of("ACTIVE"), compile("stage==ACTIVE").params());
    assertEquals(List.of(true), compile("active==true").params());
    UUID id = UUID.randomUUID();
    assertEquals(List.of(id), compile("id==" + id).params());
  }

  @Test
  void tagsAndCustomFieldsUseIndexableOperators() {
    assertEquals("t.tags @> CAST(ARRAY[?] AS text[])", compile("tags==vip").sql());
    assertEquals("t.tags && CAST(ARRAY[?, ?] AS text[])", compile("tags=in=(vip,new)").sql());
    SqlFragment custom = compile("custom.region==East");
    assertEquals("t.custom_fields @> CAST(? AS jsonb)", custom.sql());
    assertEquals(List.of("{\"region\":\"East\"}"), custom.params());
    assertEquals(
        "(t.custom_fields ->> ?) ILIKE ? ESCAPE '\\'", compile("custom.region=like=ea").sql());
  }

  @Test
  void unknownFieldIsA400NamingFieldAndPosition() {
    CrmException e = assertThrows(CrmException.class, () -> compile("level==A;colour==red"));
    assertEquals(ProblemType.MALFORMED, e.type());
    assertTrue(e.detail().en().contains("'colour' at position 10"), e.detail().en());
    assertTrue(e.detail().en().contains("Filterable: id, level"), e.detail().en());
  }

  @Test
  void badValueAndBadOperatorAndBadSyntaxAre400s() {
    assertThrows(CrmException.class, () -> compile("creditLimit=gt=lots"));
    assertThrows(CrmException.class, () -> compile("stage==SLEEPING"));
    assertThrows(CrmException.class, () -> compile("active=gt=true"));
    assertThrows(CrmException.class, () -> compile("creditLimit=like=5"));
    CrmException syntax = assertThrows(CrmException.class, () -> compile("level==A;;"));
    assertTrue(syntax.detail().en().contains("position"), syntax.detail().en());
    assertThrows(CrmException.class, () -> compile("owner.salary==1"));
    assertThrows(CrmException.class, () -> compile("custom.bad-key==1"));
  }

  @Test
  void sizeIsBounded() {
    assertThrows(CrmException.class, () -> compile("level==A;".repeat(101) + "level==B"));
    assertThrows(CrmException.class, () -> compile("level==" + "x".repeat(5000)));
  }

  @Test
  void keysetConditionHandlesNullsAndDirections() {
    List<SortKey> keys = SortKey.parse(CUSTOMER, List.of("-creditLimit,level"));
    String sort = SortKey.describe(keys);
    assertEquals("-creditLimit,level,id", sort);
    UUID last = UUID.randomUUID();
    SqlFragment afterNull =
        QueryEngine.after(keys, false, List.of(sort, "\u0000", "A", last.toString()), sort);
    assertEquals(
        "((t.credit_limit IS NOT NULL) OR (t.credit_limit IS NULL AND (t.level > ? OR t.level IS"
            + " NULL)) OR (t.credit_limit IS NULL AND t.level = ? AND t.id > ?))",
        afterNull.sql());
    List<SortKey> byCreated = SortKey.parse(CUSTOMER, List.of("createdAt"));
    String s2 = SortKey.describe(byCreated);
    SqlFragment rowCompare =
        QueryEngine.after(
            byCreated, false, List.of(s2, "2026-11-23T08:00:00Z", last.toString()), s2);
    assertEquals("(t.created_at, t.id) > (?, ?)", rowCompare.sql());
    assertThrows(
        CrmException.class,
        () -> QueryEngine.after(byCreated, false, List.of("name,id", "x", last.toString()), s2));
  }
}
