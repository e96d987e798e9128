package dev.headlesscrm.support.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The routing rule, pure: among a queue's members, those with a profile, available, at work now and
 * with room for the request's weight are eligible; the most skilled for its category or product
 * wins, then the one with the lowest share of capacity in use, then the one who waited longest
 * since their last assignment.
 */
public final class Routing {
  private Routing() {}

  /** What routing knows of one member now. */
  public record Member(
      UUID employeeId,
      boolean hasProfile,
      boolean available,
      boolean atWork,
      List<AgentSkill> skills,
      int load,
      int capacity,
      Instant lastAssignedAt) {}

  /** The candidates, ranked, and the winner (null when none was eligible). */
  public record Outcome(List<RoutingCandidate> candidates, UUID chosen, String reason) {}

  public static int skill(List<AgentSkill> skills, String category, UUID productId) {
    int best = 0;
    for (AgentSkill s : skills) {
      boolean matches =
          (productId != null && productId.equals(s.productId()))
              || (category != null && s.productId() == null && category.equals(s.category()));
      if (matches) {
        best = Math.max(best, s.level());
      }
    }
    return best;
  }

  public static Outcome decide(List<Member> members, String category, UUID productId, int weight) {
    List<RoutingCandidate> refused = new ArrayList<>();
    List<Member> eligible = new ArrayList<>();
    for (Member m : members) {
      List<String> why = new ArrayList<>();
      if (!m.hasProfile()) {
        why.add("no agent profile");
      } else {
        if (!m.available()) {
          why.add("not available");
        }
        if (!m.atWork()) {
          why.add("outside working hours");
        }
        if (m.load() + weight > m.capacity()) {
          why.add("at capacity (" + m.load() + " + " + weight + " > " + m.capacity() + ")");
        }
      }
      if (why.isEmpty()) {
        eligible.add(m);
      } else {
        refused.add(
            new RoutingCandidate(
                m.employeeId(),
                false,
                why,
                skill(m.skills(), category, productId),
                m.load(),
                m.capacity(),
                null));
      }
    }
    Comparator<Member> order =
        Comparator.<Member>comparingInt(m -> -skill(m.skills(), category, productId))
            .thenComparingDouble(m -> m.capacity() == 0 ? 1.0 : (double) m.load() / m.capacity())
            .thenComparing(m -> m.lastAssignedAt() == null ? Instant.EPOCH : m.lastAssignedAt())
            .thenComparing(Member::employeeId);
    eligible.sort(order);
    List<RoutingCandidate> out = new ArrayList<>();
    for (int i = 0; i < eligible.size(); i++) {
      Member m = eligible.get(i);
      out.add(
          new RoutingCandidate(
              m.employeeId(),
              true,
              List.of(),
              skill(m.skills(), category, productId),
              m.load(),
              m.capacity(),
              i + 1));
    }
    out.addAll(refused);
    if (eligible.isEmpty()) {
      return new Outcome(out, null, "No member could take it: " + summary(refused) + ".");
    }
    Member won = eligible.get(0);
    String reason =
        "Skill "
            + skill(won.skills(), category, productId)
            + " for "
            + (productId != null
                ? "the product"
                : category == null ? "an uncategorised request" : category);
    if (eligible.size() > 1) {
      Member second = eligible.get(1);
      int a = skill(won.skills(), category, productId);
      int b = skill(second.skills(), category, productId);
      reason +=
          a > b
              ? ", the highest of " + eligible.size() + " eligible"
              : (double) won.load() / Math.max(1, won.capacity())
                      < (double) second.load() / Math.max(1, second.capacity())
                  ? ", tied; the lowest share of capacity in use ("
                      + won.load()
                      + "/"
                      + won.capacity()
                      + ")"
                  : ", tied in skill and load; the longest since a last assignment";
    } else {
      reason += ", the only eligible member";
    }
    return new Outcome(out, won.employeeId(), reason + ".");
  }

  private static String summary(List<RoutingCandidate> refused) {
    if (refused.isEmpty()) {
      return "the queue has no members";
    }
    return String.join(
        "; ",
        refused.stream()
            .map(c -> c.employeeId() + " " + String.join(", ", c.refusedBecause()))
            .toList());
  }
}
