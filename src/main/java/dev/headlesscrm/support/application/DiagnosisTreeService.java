package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.persistence.ReadTransaction;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.support.domain.DiagnosisAnswer;
import dev.headlesscrm.support.domain.DiagnosisNode;
import dev.headlesscrm.support.domain.DiagnosisTree;
import dev.headlesscrm.support.domain.DiagnosisTreeRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Diagnosis trees (诊断树, 横向决策树): written as a whole, checked by {@link DiagnosisTreeRules} (422
 * naming each bad place), their solution answers naming live knowledge articles; walked by their
 * answer keys to the next question or the solution.
 */
@ApplicationScoped
public class DiagnosisTreeService
    extends RecordService<DiagnosisTree, DiagnosisTreeView, DiagnosisTreeInput> {

  static final String RESOURCE = "diagnosis-tree";

  @Inject DictionaryService dictionaryCheck;
  @Inject KnowledgeArticleService articles;

  static final RecordDefinition<DiagnosisTree, DiagnosisTreeView, DiagnosisTreeInput> DEFINITION =
      RecordDefinition.of(
              KnowledgeResources.TREES,
              DiagnosisTree.class,
              DiagnosisTreeView.class,
              DiagnosisTreeInput.class)
          .input("nodes", t -> t.nodes.stream().map(DiagnosisNodeInput::of).toList())
          .own("name", "productId", "active", "nodes", "rootNodeKey")
          .build();

  @Override
  protected RecordDefinition<DiagnosisTree, DiagnosisTreeView, DiagnosisTreeInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(DiagnosisTreeInput in, DiagnosisTree t, boolean creating) {
    Map<String, String> codes = new HashMap<>();
    codes.put("category", in.category());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    if (in.productId() != null
        && !in.productId().equals(t.productId)
        && references.readable("product", in.productId()).isEmpty()) {
      throw CrmException.invalidField(
          "productId", "not-found", Text.of("No such product.", "产品不存在。"));
    }
    List<DiagnosisNode> nodes = new ArrayList<>();
    List<DiagnosisNodeInput> given = in.nodes() == null ? List.of() : in.nodes();
    for (DiagnosisNodeInput n : given) {
      if (n == null) {
        nodes.add(null);
        continue;
      }
      List<DiagnosisAnswer> answers = new ArrayList<>();
      for (DiagnosisAnswerInput a :
          n.answers() == null ? List.<DiagnosisAnswerInput>of() : n.answers()) {
        answers.add(
            a == null
                ? null
                : new DiagnosisAnswer(
                    a.key(),
                    trim(a.label()),
                    blankToNull(a.nextNodeKey()),
                    a.articleId(),
                    blankToNull(a.conclusion())));
      }
      nodes.add(new DiagnosisNode(n.key(), trim(n.question()), blankToNull(n.hint()), answers));
    }
    String root = in.rootNodeKey();
    List<CrmException.Violation> problems =
        new ArrayList<>(DiagnosisTreeRules.violations(root, nodes));
    // Solutions name live knowledge articles (checked before anything changes: no early flush).
    for (int i = 0; i < nodes.size(); i++) {
      DiagnosisNode n = nodes.get(i);
      for (int j = 0; n != null && j < n.answers().size(); j++) {
        DiagnosisAnswer a = n.answers().get(j);
        if (a != null && a.articleId() != null && !articles.exists(a.articleId())) {
          problems.add(
              new CrmException.Violation(
                  "nodes[" + i + "].answers[" + j + "].articleId",
                  "not-found",
                  Text.of("No such knowledge article.", "知识库文章不存在。")));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    copy(in, t);
    t.name = in.name().trim();
    t.productId = in.productId();
    t.active = in.active() == null || in.active();
    t.rootNodeKey = root;
    t.nodes = nodes;
  }

  /**
   * Where the answers (answer keys in order) lead from the root: the next question, or the solution
   * article (embedded when the caller may read it). A key the question does not offer is a 400
   * naming its place.
   */
  @ReadTransaction
  public DiagnosisWalkView walk(UUID id, List<String> answers) {
    access.require(RESOURCE, Action.READ);
    DiagnosisTree t = live(id);
    DiagnosisTreeRules.Walk w = DiagnosisTreeRules.walk(t.rootNodeKey, t.nodes, answers);
    KnowledgeArticleView article = null;
    if (w.articleId() != null) {
      article = articles.getAll(List.of(w.articleId())).get(w.articleId());
    }
    return new DiagnosisWalkView(
        t.id,
        t.version,
        !w.solved() ? "QUESTION" : w.articleId() != null ? "SOLUTION" : "CONCLUSION",
        w.path().stream()
            .map(
                s ->
                    new DiagnosisWalkView.Step(
                        s.nodeKey(), s.question(), s.answerKey(), s.answerLabel()))
            .toList(),
        w.question(),
        w.articleId(),
        article,
        w.conclusion());
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
