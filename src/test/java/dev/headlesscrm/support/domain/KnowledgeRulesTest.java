package dev.headlesscrm.support.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.CrmException.Violation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Diagnosis trees, article relevance and the article status machine, as rules. */
class KnowledgeRulesTest {

  static final UUID ROLLER = UUID.fromString("0193a000-0000-7000-8000-0000000000a1");
  static final UUID RESEAT = UUID.fromString("0193a000-0000-7000-8000-0000000000a2");

  static DiagnosisAnswer next(String key, String node) {
    return new DiagnosisAnswer(key, key + " label", node, null, null);
  }

  static DiagnosisAnswer solved(String key, UUID article) {
    return new DiagnosisAnswer(key, key + " label", null, article, null);
  }

  static DiagnosisNode node(String key, DiagnosisAnswer... answers) {
    return new DiagnosisNode(key, key + "?", null, List.of(answers));
  }

  static final List<DiagnosisNode> PRINTER =
      List.of(
          node("power", next("yes", "paper"), solved("no", RESEAT)),
          node("paper", solved("yes", ROLLER), next("no", "tray")),
          node("tray", solved("no", RESEAT)));

  static List<String> fields(List<Violation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
  }

  @Test
  void aWellFormedTreeHasNoViolations() {
    assertEquals(List.of(), DiagnosisTreeRules.violations("power", PRINTER));
  }

  @Test
  void everyBadPlaceIsNamed() {
    assertEquals(
        List.of("nodes:required"), fields(DiagnosisTreeRules.violations("power", List.of())));
    assertEquals(
        List.of("nodes[1].key:duplicate", "nodes[1].answers:required"),
        fields(
            DiagnosisTreeRules.violations(
                "a", List.of(node("a", solved("x", ROLLER)), node("a")))));
    assertEquals(
        List.of(
            "nodes[0].answers[1].key:duplicate",
            "nodes[0].answers[1]:one-of",
            "nodes[0].answers[0].nextNodeKey:not-found",
            "rootNodeKey:not-found"),
        fields(
            DiagnosisTreeRules.violations(
                "b",
                List.of(
                    node(
                        "a",
                        next("x", "ghost"),
                        new DiagnosisAnswer("x", "both", "a", ROLLER, null))))));
    assertEquals(
        List.of("nodes[0].key:pattern", "rootNodeKey:not-found"),
        fields(DiagnosisTreeRules.violations("a b", List.of(node("a b", solved("x", ROLLER))))));
  }

  @Test
  void cyclesAndUnreachableQuestionsAreRefused() {
    List<Violation> cycle =
        DiagnosisTreeRules.violations(
            "a",
            List.of(
                node("a", next("x", "b")),
                node("b", next("x", "c"), solved("y", ROLLER)),
                node("c", next("back", "a"))));
    assertEquals(List.of("nodes[2].answers[0].nextNodeKey:cycle"), fields(cycle));
    assertTrue(cycle.get(0).message().en().contains("a → b → c → a"), cycle.get(0).message().en());
    assertEquals(
        List.of("nodes[0].answers[0].nextNodeKey:cycle"),
        fields(DiagnosisTreeRules.violations("a", List.of(node("a", next("self", "a"))))));
    // Two answers leading to the same question is a diamond, not a cycle.
    assertEquals(
        List.of(),
        DiagnosisTreeRules.violations(
            "a",
            List.of(
                node("a", next("x", "b"), next("y", "c")),
                node("b", next("x", "c")),
                node("c", solved("x", ROLLER)))));
    assertEquals(
        List.of("nodes[1]:unreachable"),
        fields(
            DiagnosisTreeRules.violations(
                "a",
                List.of(node("a", solved("x", ROLLER)), node("island", solved("x", ROLLER))))));
  }

  @Test
  void aWalkLeadsToTheNextQuestionOrTheSolution() {
    DiagnosisTreeRules.Walk start = DiagnosisTreeRules.walk("power", PRINTER, List.of());
    assertEquals("power", start.question().key());
    assertEquals(List.of(), start.path());
    DiagnosisTreeRules.Walk two = DiagnosisTreeRules.walk("power", PRINTER, List.of("yes", "no"));
    assertEquals("tray", two.question().key());
    assertEquals(List.of("power", "paper"), two.path().stream().map(s -> s.nodeKey()).toList());
    DiagnosisTreeRules.Walk done =
        DiagnosisTreeRules.walk("power", PRINTER, List.of("yes", "no", "no"));
    assertTrue(done.solved());
    assertEquals(RESEAT, done.articleId());
    assertNull(done.question());
    DiagnosisTreeRules.Walk spoken =
        DiagnosisTreeRules.walk(
            "a",
            List.of(node("a", new DiagnosisAnswer("x", "坏了", null, null, "送修"))),
            List.of("x"));
    assertTrue(spoken.solved());
    assertNull(spoken.articleId());
    assertEquals("送修", spoken.conclusion());
    CrmException wrong =
        assertThrows(
            CrmException.class,
            () -> DiagnosisTreeRules.walk("power", PRINTER, List.of("yes", "maybe")));
    assertEquals("answers", wrong.violations().get(0).field());
    assertEquals("not-an-answer", wrong.violations().get(0).code());
    CrmException after =
        assertThrows(
            CrmException.class,
            () -> DiagnosisTreeRules.walk("power", PRINTER, List.of("no", "yes")));
    assertEquals("after-solution", after.violations().get(0).code());
  }

  @Test
  void relevanceAddsProductCategoryAndTextAndHalvesAnotherProductsArticle() {
    UUID printer = UUID.randomUUID();
    ArticleRelevanceRules.Request request =
        new ArticleRelevanceRules.Request(printer, "HARDWARE", "打印机卡纸 Fuser error");
    List<String> terms = ArticleRelevanceRules.terms(request.text());
    assertEquals(List.of("打印", "印机", "机卡", "卡纸", "fuser", "error"), terms);
    ArticleRelevanceRules.Score all =
        ArticleRelevanceRules.score(
            request,
            terms,
            new ArticleRelevanceRules.Article(printer, "HARDWARE", "打印机卡纸\nfuser error"));
    assertEquals(1.0, all.score());
    assertEquals(
        List.of("SAME_PRODUCT", "SAME_CATEGORY", "TEXT"),
        all.reasons().stream().map(ArticleRelevanceRules.Reason::code).toList());
    ArticleRelevanceRules.Score half =
        ArticleRelevanceRules.score(
            request, terms, new ArticleRelevanceRules.Article(null, null, "如何处理卡纸"));
    assertEquals(0.067, half.score()); // one of six terms: 0.4 / 6
    assertEquals(List.of("卡纸"), half.reasons().get(0).matchedTerms());
    ArticleRelevanceRules.Score other =
        ArticleRelevanceRules.score(
            request, terms, new ArticleRelevanceRules.Article(UUID.randomUUID(), "HARDWARE", "无关"));
    assertEquals(0.1, other.score());
    assertEquals("OTHER_PRODUCT", other.reasons().get(1).code());
    assertEquals(
        0.0,
        ArticleRelevanceRules.score(
                request, terms, new ArticleRelevanceRules.Article(null, "BILLING", "无关"))
            .score());
  }

  @Test
  void articlesArePublishedRetiredAndRedrafted() {
    assertTrue(ArticleStates.ARTICLE.allows(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED));
    assertTrue(ArticleStates.ARTICLE.allows(ArticleStatus.PUBLISHED, ArticleStatus.RETIRED));
    assertTrue(ArticleStates.ARTICLE.allows(ArticleStatus.PUBLISHED, ArticleStatus.DRAFT));
    assertTrue(ArticleStates.ARTICLE.allows(ArticleStatus.RETIRED, ArticleStatus.DRAFT));
    assertThrows(
        CrmException.class,
        () -> ArticleStates.ARTICLE.act(ArticleStatus.DRAFT, ArticleStatus.RETIRED));
    assertThrows(
        CrmException.class,
        () -> ArticleStates.ARTICLE.act(ArticleStatus.RETIRED, ArticleStatus.PUBLISHED));
  }
}
