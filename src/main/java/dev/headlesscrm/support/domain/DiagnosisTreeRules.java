package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.CrmException.Violation;
import dev.headlesscrm.platform.api.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules of diagnosis trees (横向决策树): what a well-formed tree is, and where a walk through its
 * answers leads.
 *
 * <p>A tree is well formed when its node keys are unique, its root is one of them, every question
 * has answers with unique keys, each answer leads to exactly one of another question of the tree, a
 * solution article or a conclusion in words, no answer leads back to a question already asked on
 * the way (no cycles), and every question can be reached from the root. Node and answer keys are
 * short codes ({@code [A-Za-z0-9_-]}, up to 64), so that a walk names its answers in a URL.
 */
public final class DiagnosisTreeRules {
  private DiagnosisTreeRules() {}

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Every way the tree is not well formed, each naming its field; empty when it is. */
  public static List<Violation> violations(String rootNodeKey, List<DiagnosisNode> nodes) {
    List<Violation> out = new ArrayList<>();
    List<DiagnosisNode> all = nodes == null ? List.of() : nodes;
    if (all.isEmpty()) {
      out.add(
          new Violation(
              "nodes", "required", Text.of("A tree needs at least one question.", "诊断树至少需要一个问题。")));
      return out;
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      DiagnosisNode n = all.get(i);
      String at = "nodes[" + i + "]";
      if (n == null) {
        out.add(new Violation(at, "required", Text.of("A node is missing.", "节点缺失。")));
        continue;
      }
      if (!validKey(n.key())) {
        out.add(keyProblem(at + ".key"));
      } else if (index.putIfAbsent(n.key(), i) != null) {
        out.add(
            new Violation(
                at + ".key",
                "duplicate",
                Text.of(
                    "Another node of the tree has the key '" + n.key() + "'.",
                    "诊断树中已有键为 '" + n.key() + "' 的节点。")));
      }
      if (n.question() == null || n.question().isBlank()) {
        out.add(
            new Violation(
                at + ".question", "required", Text.of("A node asks a question.", "节点须填写问题。")));
      }
      if (n.answers().isEmpty()) {
        out.add(
            new Violation(
                at + ".answers",
                "required",
                Text.of("A question needs at least one answer.", "问题至少需要一个答案。")));
      }
      Set<String> answerKeys = new HashSet<>();
      for (int j = 0; j < n.answers().size(); j++) {
        DiagnosisAnswer a = n.answers().get(j);
        String aat = at + ".answers[" + j + "]";
        if (a == null) {
          out.add(new Violation(aat, "required", Text.of("An answer is missing.", "答案缺失。")));
          continue;
        }
        if (!validKey(a.key())) {
          out.add(keyProblem(aat + ".key"));
        } else if (!answerKeys.add(a.key())) {
          out.add(
              new Violation(
                  aat + ".key",
                  "duplicate",
                  Text.of(
                      "Another answer of this question has the key '" + a.key() + "'.",
                      "该问题已有键为 '" + a.key() + "' 的答案。")));
        }
        if (a.label() == null || a.label().isBlank()) {
          out.add(
              new Violation(
                  aat + ".label", "required", Text.of("An answer has a label.", "答案须填写内容。")));
        }
        int leads =
            (a.nextNodeKey() == null ? 0 : 1)
                + (a.articleId() == null ? 0 : 1)
                + (a.conclusion() == null ? 0 : 1);
        if (leads != 1) {
          out.add(
              new Violation(
                  aat,
                  "one-of",
                  Text.of(
                      "An answer leads to exactly one of a next question (nextNodeKey), a solution"
                          + " article (articleId) or a conclusion.",
                      "答案须且只能指向下一个问题（nextNodeKey）、解决方案文章（articleId）或结论（conclusion）之一。")));
        }
      }
    }
    // Targets after every key is known.
    for (int i = 0; i < all.size(); i++) {
      DiagnosisNode n = all.get(i);
      if (n == null) {
        continue;
      }
      for (int j = 0; j < n.answers().size(); j++) {
        DiagnosisAnswer a = n.answers().get(j);
        if (a != null && a.nextNodeKey() != null && !index.containsKey(a.nextNodeKey())) {
          out.add(
              new Violation(
                  "nodes[" + i + "].answers[" + j + "].nextNodeKey",
                  "not-found",
                  Text.of(
                      "No node of the tree has the key '" + a.nextNodeKey() + "'.",
                      "诊断树中没有键为 '" + a.nextNodeKey() + "' 的节点。")));
        }
      }
    }
    if (rootNodeKey == null || !index.containsKey(rootNodeKey)) {
      out.add(
          new Violation(
              "rootNodeKey",
              "not-found",
              Text.of("The root must be the key of one of the tree's nodes.", "根节点须是诊断树中某个节点的键。")));
    }
    if (!out.isEmpty()) {
      return out; // cycles and reachability are only meaningful on a tree whose links resolve
    }
    out.addAll(cycles(all, index));
    if (out.isEmpty()) {
      Set<String> reached = new HashSet<>();
      reach(rootNodeKey, all, index, reached);
      for (int i = 0; i < all.size(); i++) {
        if (!reached.contains(all.get(i).key())) {
          out.add(
              new Violation(
                  "nodes[" + i + "]",
                  "unreachable",
                  Text.of(
                      "No answer leads to the node '"
                          + all.get(i).key()
                          + "' from the root '"
                          + rootNodeKey
                          + "'.",
                      "从根节点 '" + rootNodeKey + "' 无法到达节点 '" + all.get(i).key() + "'。")));
        }
      }
    }
    return out;
  }

  /** Throws the 422 problem listing every violation, if any. */
  public static void requireWellFormed(String rootNodeKey, List<DiagnosisNode> nodes) {
    List<Violation> v = violations(rootNodeKey, nodes);
    if (!v.isEmpty()) {
      throw CrmException.validation(v);
    }
  }

  private static boolean validKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private static Violation keyProblem(String field) {
    return new Violation(
        field,
        "pattern",
        Text.of("A key is 1–64 letters, digits, '_' or '-'.", "键须为 1–64 个字母、数字、'_' 或 '-'。"));
  }

  /** The answers that close a cycle, each once (iterative colouring depth-first search). */
  private static List<Violation> cycles(List<DiagnosisNode> nodes, Map<String, Integer> index) {
    List<Violation> out = new ArrayList<>();
    Map<String, Integer> colour = new HashMap<>(); // absent white, 1 grey (on the path), 2 black
    for (DiagnosisNode start : nodes) {
      if (colour.containsKey(start.key())) {
        continue;
      }
      List<String> path = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      path.add(start.key());
      next.add(0);
      colour.put(start.key(), 1);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        int i = index.get(path.get(top));
        DiagnosisNode node = nodes.get(i);
        int j = next.get(top);
        if (j >= node.answers().size()) {
          colour.put(node.key(), 2);
          path.remove(top);
          next.remove(top);
          continue;
        }
        next.set(top, j + 1);
        String target = node.answers().get(j).nextNodeKey();
        if (target == null) {
          continue;
        }
        Integer c = colour.get(target);
        if (c == null) {
          colour.put(target, 1);
          path.add(target);
          next.add(0);
        } else if (c == 1) {
          List<String> loop = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
          loop.add(target);
          String shown = String.join(" → ", loop);
          out.add(
              new Violation(
                  "nodes[" + i + "].answers[" + j + "].nextNodeKey",
                  "cycle",
                  Text.of(
                      "This answer leads back to a question already asked: " + shown + ".",
                      "该答案会回到已问过的问题，形成循环：" + shown + "。")));
        }
      }
    }
    return out;
  }

  private static void reach(
      String key, List<DiagnosisNode> nodes, Map<String, Integer> index, Set<String> reached) {
    List<String> todo = new ArrayList<>(List.of(key));
    while (!todo.isEmpty()) {
      String k = todo.remove(todo.size() - 1);
      if (reached.add(k)) {
        for (DiagnosisAnswer a : nodes.get(index.get(k)).answers()) {
          if (a.nextNodeKey() != null) {
            todo.add(a.nextNodeKey());
          }
        }
      }
    }
  }

  /** One question asked on the way and the answer given. */
  public record Step(String nodeKey, String question, String answerKey, String answerLabel) {}

  /**
   * Where the answers lead: the steps taken, then the next question to ask ({@code question}), the
   * solution article ({@code articleId}) or a conclusion in words.
   */
  public record Walk(List<Step> path, DiagnosisNode question, UUID articleId, String conclusion) {
    /** The walk has ended (a solution article or a conclusion). */
    public boolean solved() {
      return question == null;
    }
  }

  /**
   * Follows the answers (answer keys, in order) from the root of a well-formed tree. An answer that
   * the question at its place does not offer, or one given after a solution was reached, is a 400
   * problem naming its place ({@code answers[1]}).
   */
  public static Walk walk(String rootNodeKey, List<DiagnosisNode> nodes, List<String> answers) {
    Map<String, DiagnosisNode> byKey = new HashMap<>();
    nodes.forEach(n -> byKey.put(n.key(), n));
    List<Step> path = new ArrayList<>();
    DiagnosisNode at = byKey.get(rootNodeKey);
    List<String> given = answers == null ? List.of() : answers;
    for (int k = 0; k < given.size(); k++) {
      String key = given.get(k);
      if (at == null) {
        throw CrmException.invalidParameter(
            "answers",
            "after-solution",
            Text.of(
                "answers[" + k + "] comes after the solution was reached.",
                "answers[" + k + "] 位于已得到解决方案之后。"));
      }
      DiagnosisAnswer chosen = null;
      for (DiagnosisAnswer a : at.answers()) {
        if (a.key().equals(key)) {
          chosen = a;
        }
      }
      if (chosen == null) {
        List<String> offered = at.answers().stream().map(DiagnosisAnswer::key).toList();
        throw CrmException.invalidParameter(
            "answers",
            "not-an-answer",
            Text.of(
                "answers["
                    + k
                    + "] '"
                    + key
                    + "' is not an answer to '"
                    + at.key()
                    + "': "
                    + offered,
                "answers[" + k + "] '" + key + "' 不是问题 '" + at.key() + "' 的答案：" + offered));
      }
      path.add(new Step(at.key(), at.question(), chosen.key(), chosen.label()));
      if (chosen.nextNodeKey() == null) {
        if (k + 1 < given.size()) {
          at = null;
          continue;
        }
        return new Walk(path, null, chosen.articleId(), chosen.conclusion());
      }
      at = byKey.get(chosen.nextNodeKey());
    }
    if (at == null) {
      // Only reached when an answer followed the solution: reported above on the next round.
      throw new IllegalStateException("unreachable");
    }
    return new Walk(path, at, null, null);
  }
}
