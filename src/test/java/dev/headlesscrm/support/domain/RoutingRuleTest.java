package dev.headlesscrm.support.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The routing rule: eligibility, then skill, then share of capacity, then waiting time. */
class RoutingRuleTest {

  static final UUID A = new UUID(0, 1);
  static final UUID B = new UUID(0, 2);
  static final UUID C = new UUID(0, 3);
  static final UUID PRINTER = new UUID(9, 9);

  static Routing.Member member(UUID id, int skill, int load, int capacity, Instant last) {
    return new Routing.Member(
        id,
        true,
        true,
        true,
        List.of(new AgentSkill("HARDWARE", null, skill)),
        load,
        capacity,
        last);
  }

  @Test
  void theMostSkilledEligibleMemberWins() {
    Routing.Outcome o =
        Routing.decide(
            List.of(
                member(A, 2, 0, 10, null), member(B, 5, 8, 10, null), member(C, 4, 0, 10, null)),
            "HARDWARE",
            null,
            1);
    assertEquals(B, o.chosen());
    assertTrue(o.reason().contains("highest of 3"), o.reason());
    assertEquals(
        List.of(B, C, A), o.candidates().stream().map(RoutingCandidate::employeeId).toList());
    assertEquals(1, o.candidates().get(0).place());
  }

  @Test
  void aTieGoesToTheLowestShareOfCapacityThenTheLongestWait() {
    Routing.Outcome byLoad =
        Routing.decide(
            List.of(member(A, 3, 5, 10, null), member(B, 3, 2, 10, null)), "HARDWARE", null, 1);
    assertEquals(B, byLoad.chosen());
    assertTrue(byLoad.reason().contains("lowest share"), byLoad.reason());
    Routing.Outcome byWait =
        Routing.decide(
            List.of(
                member(A, 3, 2, 10, Instant.parse("2026-12-07T02:00:00Z")),
                member(B, 3, 2, 10, Instant.parse("2026-12-07T01:00:00Z"))),
            "HARDWARE",
            null,
            1);
    assertEquals(B, byWait.chosen());
  }

  @Test
  void theIneligibleAreListedWithTheirReasons() {
    Routing.Outcome o =
        Routing.decide(
            List.of(
                new Routing.Member(A, false, false, false, List.of(), 0, 0, null),
                new Routing.Member(B, true, false, true, List.of(), 0, 10, null),
                new Routing.Member(C, true, true, false, List.of(), 0, 10, null),
                member(new UUID(0, 4), 5, 9, 10, null)),
            "HARDWARE",
            null,
            3);
    assertNull(o.chosen());
    assertEquals(List.of("no agent profile"), o.candidates().get(0).refusedBecause());
    assertEquals(List.of("not available"), o.candidates().get(1).refusedBecause());
    assertEquals(List.of("outside working hours"), o.candidates().get(2).refusedBecause());
    assertEquals(List.of("at capacity (9 + 3 > 10)"), o.candidates().get(3).refusedBecause());
    assertTrue(o.reason().startsWith("No member could take it"), o.reason());
  }

  @Test
  void aProductSkillCountsForTheGoodsProduct() {
    Routing.Member generalist = member(A, 3, 0, 10, null);
    Routing.Member specialist =
        new Routing.Member(
            B, true, true, true, List.of(new AgentSkill(null, PRINTER, 5)), 0, 10, null);
    assertEquals(
        B, Routing.decide(List.of(generalist, specialist), "HARDWARE", PRINTER, 1).chosen());
    assertEquals(A, Routing.decide(List.of(generalist, specialist), "HARDWARE", null, 1).chosen());
  }
}
