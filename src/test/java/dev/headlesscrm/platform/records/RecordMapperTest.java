package dev.headlesscrm.platform.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.persistence.HasCustomFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The by-name mapping between entities and records, without Quarkus. */
class RecordMapperTest {

  public static class Line {
    public String product;
    public BigDecimal quantity;
  }

  public static class Order implements HasCustomFields {
    public UUID id = UUID.randomUUID();
    public UUID ownerId;
    public long version = 3;
    public String name;
    public boolean urgent;
    public List<String> tags = new ArrayList<>();
    public List<Line> lines = new ArrayList<>();
    public Map<String, Object> customFields = new LinkedHashMap<>();

    @Override
    public Map<String, Object> customFieldValues() {
      return customFields;
    }
  }

  public record LineView(String product, BigDecimal quantity) {}

  public record OrderView(
      UUID id,
      String name,
      boolean urgent,
      List<String> tags,
      List<LineView> lines,
      Map<String, String> custom,
      long version,
      int lineCount) {}

  public record OrderInput(String name, Boolean urgent, List<String> tags, UUID ownerId, UUID id) {}

  @Test
  void reads_a_view_by_name_with_nested_lists_custom_values_and_derived_components() {
    Order order = new Order();
    order.name = "订单";
    order.urgent = true;
    order.tags.add("vip");
    Line line = new Line();
    line.product = "P-1";
    line.quantity = new BigDecimal("2.5");
    order.lines.add(line);
    order.customFields.put("budget", new BigDecimal("1200.50"));

    OrderView view =
        RecordMapper.reader(
                Order.class,
                OrderView.class,
                Map.<String, java.util.function.Function<Order, ?>>of(
                    "lineCount", o -> o.lines.size()))
            .apply(order);

    assertEquals(order.id, view.id());
    assertEquals("订单", view.name());
    assertTrue(view.urgent());
    assertEquals(3, view.version());
    assertEquals(List.of(new LineView("P-1", new BigDecimal("2.5"))), view.lines());
    assertEquals(Map.of("budget", "1200.50"), view.custom());
    assertEquals(1, view.lineCount());
    order.tags.add("later");
    assertEquals(List.of("vip"), view.tags(), "a copy, not the entity's list");
  }

  @Test
  void a_view_component_without_a_source_stops_the_start_naming_it() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> RecordMapper.reader(Order.class, OrderView.class, Map.of()));
    assertTrue(
        refused.getMessage().contains("OrderView.lineCount has no source"), refused::getMessage);
  }

  @Test
  void writes_plain_fields_but_never_identity_ownership_or_the_resources_own() {
    Order order = new Order();
    UUID id = order.id;
    order.urgent = true;
    List<String> tags = new ArrayList<>(List.of("a"));
    OrderInput in = new OrderInput("新名字", null, tags, UUID.randomUUID(), UUID.randomUUID());

    RecordMapper.writer(OrderInput.class, Order.class, Set.of()).accept(in, order);

    assertEquals("新名字", order.name);
    assertFalse(order.urgent, "null onto a primitive is its default");
    assertEquals(List.of("a"), order.tags);
    assertNotSame(tags, order.tags);
    assertEquals(id, order.id);
    assertNull(order.ownerId, "ownership goes through assignOwner");

    Order other = new Order();
    RecordMapper.writer(OrderInput.class, Order.class, Set.of("name")).accept(in, other);
    assertNull(other.name);
  }

  public record BadInput(Integer name) {}

  @Test
  void an_input_component_of_another_type_than_its_property_is_refused_when_built() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> RecordMapper.writer(BadInput.class, Order.class, Set.of()));
    assertTrue(
        refused.getMessage().contains("BadInput.name is a Integer but Order.name a String"),
        refused::getMessage);
  }
}
