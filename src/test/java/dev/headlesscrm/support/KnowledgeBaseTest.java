package dev.headlesscrm.support;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.catalogue.Products;
import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base (解决方案库 / FAQ, issue 15 point 10): articles and their status machine, Chinese
 * search from two characters, drafts hidden from readers, votes and uses counted through the
 * article's version, suggestions for a service request ranked with reasons and scoped to who sees
 * the request, and diagnosis trees checked as a whole and walked to a solution.
 */
@QuarkusTest
class KnowledgeBaseTest {

  static final String SUN = "0193a000-0000-7000-8000-0000000000e7";

  /** Random Chinese characters (CJK unified ideographs), so no other test's text contains them. */
  static String cjk(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
    }
    return out.toString();
  }

  static String product() {
    return Products.create(Products.product(Api.uniqueCode("KB"), "知识库产品"))
        .jsonPath()
        .getString("id");
  }

  static String article(Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "打印机卡纸处理");
    body.putAll(fields);
    return Api.as("agent.sun")
        .body(body)
        .post("/api/v1/knowledge-articles")
        .then()
        .statusCode(201)
        .body("status", equalTo("DRAFT"))
        .body("number", startsWith("KB"))
        .extract()
        .path("id");
  }

  static String published(Map<String, Object> fields) {
    String id = article(fields);
    Api.as("admin.li").post("/api/v1/knowledge-articles/" + id + "/publish").then().statusCode(200);
    return id;
  }

  static Response act(String user, String id, String action, Object body) {
    var r = Api.as(user);
    if (body != null) {
      r.body(body);
    }
    return r.post("/api/v1/knowledge-articles/" + id + "/" + action);
  }

  static JsonPath get(String id) {
    return Api.as("agent.sun")
        .get("/api/v1/knowledge-articles/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static String request(String subject, String description, String defect, String category) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", SalesChainTest.customer("rep.zhang"));
    body.put("channel", "PHONE");
    body.put("type", "REPAIR");
    body.put("subject", subject);
    body.put("description", description);
    body.put("ownerId", SUN);
    if (defect != null) {
      body.put("defectId", defect);
    }
    if (category != null) {
      body.put("category", category);
    }
    return Api.as("admin.li")
        .body(body)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  // --- Articles -------------------------------------------------------------------------------

  @Test
  void anArticleIsPublishedRetiredAndRedraftedByTheServiceManagerOnly() {
    String id = article(Map.of("summary", "摘要", "kind", "FAQ", "tags", List.of("卡纸", "卡纸", "硬件")));
    JsonPath a = get(id);
    assertEquals(List.of("卡纸", "硬件"), a.getList("tags"));
    assertEquals("FAQ", a.getString("kind"));
    assertEquals(0, a.getInt("usageCount"));
    // An agent writes articles but does not publish them.
    act("agent.sun", id, "publish", null).then().statusCode(403);
    act("admin.li", id, "retire", null).then().statusCode(409);
    act("admin.li", id, "publish", null)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("publishedAt", notNullValue())
        .body("version", equalTo(a.getInt("version") + 1));
    act("admin.li", id, "publish", null).then().statusCode(409).body("state", equalTo("PUBLISHED"));
    // A published article may still be corrected.
    Api.as("agent.sun")
        .body(Map.of("summary", "更正后的摘要"))
        .patch("/api/v1/knowledge-articles/" + id)
        .then()
        .statusCode(200)
        .body("summary", equalTo("更正后的摘要"));
    act("admin.li", id, "retire", null)
        .then()
        .statusCode(200)
        .body("status", equalTo("RETIRED"))
        .body("retiredAt", notNullValue());
    // Retired: redrafted before it is edited.
    Api.as("agent.sun")
        .body(Map.of("summary", "x"))
        .patch("/api/v1/knowledge-articles/" + id)
        .then()
        .statusCode(409);
    act("admin.li", id, "redraft", null).then().statusCode(200).body("status", equalTo("DRAFT"));
    act("admin.li", id, "redraft", null).then().statusCode(409);
    Api.as("agent.sun")
        .get("/api/v1/knowledge-articles/" + id + "/history?limit=20")
        .then()
        .body(
            "data.action",
            equalTo(List.of("redrafted", "retired", "updated", "published", "created")));
    // A sales rep reads, never writes.
    Api.as("rep.zhang")
        .body(Map.of("title", "x"))
        .post("/api/v1/knowledge-articles")
        .then()
        .statusCode(403);
  }

  @Test
  void badReferencesAreFieldErrors() {
    Api.as("agent.sun")
        .body(Map.of("title", "x", "productId", "0193a000-0000-7000-8000-00000000dead"))
        .post("/api/v1/knowledge-articles")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("productId"));
    Api.as("agent.sun")
        .body(Map.of("title", "x", "category", "NO-SUCH-CATEGORY"))
        .post("/api/v1/knowledge-articles")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("category"));
    Api.as("agent.sun")
        .body(Map.of("title", "x", "kind", "NOVEL"))
        .post("/api/v1/knowledge-articles")
        .then()
        .statusCode(422);
  }

  @Test
  void twoChineseCharactersFindTheArticleAndNotOthersAndReadersSeeOnlyPublishedOnes() {
    String word = cjk(2);
    String other = cjk(2);
    // The word in the content; the other article holds its characters, but never side by side.
    String hit = published(Map.of("title", "标题" + other, "content", "正文里有" + word + "的说明"));
    String miss =
        published(
            Map.of(
                "title",
                "另一篇",
                "content",
                word.charAt(1) + "隔开" + word.charAt(0) + other.charAt(0)));
    String tagged = published(Map.of("title", "按标签", "tags", List.of(word)));
    String draft = article(Map.of("title", "草稿" + word));
    Api.as("agent.sun")
        .queryParam("q", word)
        .get("/api/v1/knowledge-articles")
        .then()
        .statusCode(200)
        .body("data.id", hasItems(hit, tagged, draft))
        .body("data.id", not(hasItem(miss)))
        .body("data.size()", equalTo(3));
    // A reader sees only the published ones; a draft is a 404 to them.
    Api.as("rep.zhang")
        .queryParam("q", word)
        .get("/api/v1/knowledge-articles")
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(draft)))
        .body("data.size()", equalTo(2));
    Api.as("rep.zhang").get("/api/v1/knowledge-articles/" + draft).then().statusCode(404);
    Api.as("rep.zhang").get("/api/v1/knowledge-articles/" + hit).then().statusCode(200);
    // Filters from the declaration.
    Api.as("agent.sun")
        .queryParam("q", word)
        .queryParam("filter", "status==PUBLISHED;tags==" + word)
        .get("/api/v1/knowledge-articles")
        .then()
        .body("data.id", contains(tagged));
  }

  // --- Votes and uses -------------------------------------------------------------------------

  static List<Response> together(List<java.util.concurrent.Callable<Response>> calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (var call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Response> out = new ArrayList<>();
      for (Future<Response> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentVotesAreAllCountedAndAVoteMayChange() throws Exception {
    String id = published(Map.of("title", "投票" + cjk(3)));
    int before = get(id).getInt("version");
    List<Response> answers =
        together(
            List.of(
                () -> act("agent.sun", id, "feedback", Map.of("helpful", true)),
                () -> act("admin.li", id, "feedback", Map.of("helpful", true)),
                () ->
                    Api.asIntegration()
                        .body(Map.of("helpful", false))
                        .post("/api/v1/knowledge-articles/" + id + "/feedback")));
    answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
    JsonPath a = get(id);
    assertEquals(2, a.getInt("helpfulCount"));
    assertEquals(1, a.getInt("notHelpfulCount"));
    assertEquals(before + 3, a.getInt("version"));
    // The same vote again has nothing to do; a changed one moves between the counts.
    act("agent.sun", id, "feedback", Map.of("helpful", true)).then().statusCode(409);
    act("agent.sun", id, "feedback", Map.of("helpful", false, "comment", "没解决"))
        .then()
        .statusCode(200)
        .body("helpfulCount", equalTo(1))
        .body("notHelpfulCount", equalTo(2));
    act("agent.sun", id, "feedback", Map.of()).then().statusCode(422);
    Api.as("agent.sun")
        .get("/api/v1/knowledge-articles/" + id + "/history?limit=20")
        .then()
        .body(
            "data.action",
            equalTo(List.of("voted", "voted", "voted", "voted", "published", "created")));
    // Readers who do not work the knowledge base (a sales rep, an analyst) do not vote.
    act("rep.zhang", id, "feedback", Map.of("helpful", true)).then().statusCode(403);
    act("analyst.liu", id, "feedback", Map.of("helpful", true)).then().statusCode(403);
    // Drafts take no votes.
    act("agent.sun", article(Map.of()), "feedback", Map.of("helpful", true)).then().statusCode(409);
  }

  @Test
  void anArticleUsedOnARequestIsCountedOncePerRequest() throws Exception {
    String id = published(Map.of("title", "使用" + cjk(3)));
    String first = request("卡纸", null, null, null);
    String second = request("卡纸", null, null, null);
    List<Response> answers =
        together(
            List.of(
                () -> act("agent.sun", id, "use", Map.of("serviceRequestId", first)),
                () -> act("agent.sun", id, "use", Map.of("serviceRequestId", second))));
    answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
    assertEquals(2, get(id).getInt("usageCount"));
    act("agent.sun", id, "use", Map.of("serviceRequestId", first)).then().statusCode(409);
    act("agent.sun", id, "use", Map.of("serviceRequestId", "0193a000-0000-7000-8000-00000000dead"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("serviceRequestId"));
    // The analyst reads but does not work requests.
    act("analyst.liu", id, "use", Map.of("serviceRequestId", second)).then().statusCode(403);
    assertEquals(2, get(id).getInt("usageCount"));
  }

  // --- Suggestions ----------------------------------------------------------------------------

  @Test
  void suggestionsRankSameProductCategoryAndTextWithReasonsWithinTheCallersScope() {
    String product = product();
    String words = cjk(4);
    String defect =
        Api.as("agent.sun")
            .body(Map.of("productId", product, "title", "缺陷" + words))
            .post("/api/v1/product-defects")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String request = request(words + "无法打印", cjk(3), defect, "HARDWARE");
    String best =
        published(
            Map.of(
                "title",
                "最佳" + words,
                "productId",
                product,
                "category",
                "HARDWARE",
                "content",
                words));
    String textOnly = published(Map.of("title", "只有文字" + words.substring(0, 2)));
    String otherProduct = published(Map.of("title", "其他产品" + words, "productId", product()));
    String draft =
        article(Map.of("title", "草稿" + words, "productId", product, "category", "HARDWARE"));
    String unrelated = published(Map.of("title", "无关" + cjk(4)));
    act("agent.sun", best, "use", Map.of("serviceRequestId", request)).then().statusCode(200);

    JsonPath s =
        Api.as("agent.sun")
            .queryParam("limit", 50)
            .get("/api/v1/service-requests/" + request + "/suggested-articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> ids = s.getList("data.article.id");
    assertEquals(best, ids.get(0), "the same product, category and text first: " + ids);
    assertTrue(ids.contains(textOnly) && ids.contains(otherProduct), ids.toString());
    assertTrue(ids.indexOf(otherProduct) < ids.indexOf(textOnly), ids.toString());
    assertFalse(ids.contains(draft), "drafts are not suggested");
    assertFalse(ids.contains(unrelated), "nothing in common, not suggested");
    assertEquals(
        List.of("SAME_PRODUCT", "SAME_CATEGORY", "TEXT"), s.getList("data[0].reasons.code"));
    assertTrue(s.getBoolean("data[0].used"));
    // Product and category (0.6) and the four characters of the subject, not its other words.
    assertTrue(s.getDouble("data[0].score") > 0.6, s.getString("data[0].score"));
    assertTrue(s.getDouble("data[0].score") > s.getDouble("data[1].score"), s.getString("data"));
    int other = ids.indexOf(otherProduct);
    assertTrue(
        s.getList("data[" + other + "].reasons.code").contains("OTHER_PRODUCT"),
        s.getString("data[" + other + "].reasons"));
    assertTrue(
        s.getList("data[" + ids.indexOf(textOnly) + "].reasons[0].matchedTerms")
            .contains(words.substring(0, 2)));

    // Outside the request's scope: 404, as the request itself.
    Api.as("rep.chen").get("/api/v1/service-requests/" + request).then().statusCode(404);
    Api.as("rep.chen")
        .get("/api/v1/service-requests/" + request + "/suggested-articles")
        .then()
        .statusCode(404);
    Api.as("agent.sun")
        .queryParam("limit", 0)
        .get("/api/v1/service-requests/" + request + "/suggested-articles")
        .then()
        .statusCode(400);
    // The GraphQL twin.
    Api.as("agent.sun")
        .body(
            Map.of(
                "query",
                "{ serviceRequestSuggestedArticles(id: \""
                    + request
                    + "\", limit: 3) { score used article { id } reasons { code points } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.serviceRequestSuggestedArticles[0].article.id", equalTo(best))
        .body("data.serviceRequestSuggestedArticles[0].used", equalTo(true));
  }

  // --- Diagnosis trees ------------------------------------------------------------------------

  static Map<String, Object> node(String key, String question, List<Map<String, Object>> answers) {
    return Map.of("key", key, "question", question, "answers", answers);
  }

  static Map<String, Object> toNode(String key, String label, String next) {
    return Map.of("key", key, "label", label, "nextNodeKey", next);
  }

  static Map<String, Object> toArticle(String key, String label, String article) {
    return Map.of("key", key, "label", label, "articleId", article);
  }

  static Response tree(String root, List<Map<String, Object>> nodes) {
    return Api.as("agent.sun")
        .body(Map.of("name", "打印机不出纸", "category", "HARDWARE", "rootNodeKey", root, "nodes", nodes))
        .post("/api/v1/diagnosis-trees");
  }

  @Test
  void aTreeWithDanglingTargetsCyclesOrUnreachableQuestionsIsRefused() {
    String solution = published(Map.of("title", "更换搓纸轮"));
    // An answer to a question that does not exist.
    tree(
            "power",
            List.of(
                node(
                    "power",
                    "电源灯亮吗？",
                    List.of(toNode("yes", "亮", "paper"), toArticle("no", "不亮", solution)))))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("nodes[0].answers[0].nextNodeKey"))
        .body("errors.code", hasItem("not-found"));
    // A cycle: power → paper → power.
    tree(
            "power",
            List.of(
                node("power", "电源灯亮吗？", List.of(toNode("yes", "亮", "paper"))),
                node(
                    "paper",
                    "纸盒有纸吗？",
                    List.of(toNode("yes", "有", "power"), toArticle("no", "没有", solution)))))
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("cycle"))
        .body("errors.field", hasItem("nodes[1].answers[0].nextNodeKey"));
    // A question no answer leads to, a root that is no question, an answer leading nowhere.
    tree(
            "power",
            List.of(
                node("power", "电源灯亮吗？", List.of(toArticle("no", "不亮", solution))),
                node("lonely", "孤立的问题？", List.of(toArticle("x", "x", solution)))))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("nodes[1]"))
        .body("errors.code", hasItem("unreachable"));
    tree("nowhere", List.of(node("power", "电源灯亮吗？", List.of(toArticle("no", "不亮", solution)))))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("rootNodeKey"));
    tree(
            "power",
            List.of(
                node(
                    "power",
                    "电源灯亮吗？",
                    List.of(Map.<String, Object>of("key", "no", "label", "不亮")))))
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("one-of"));
    tree(
            "power",
            List.of(
                node(
                    "power",
                    "电源灯亮吗？",
                    List.of(toArticle("no", "不亮", "0193a000-0000-7000-8000-00000000dead")))))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("nodes[0].answers[0].articleId"));
  }

  @Test
  void aWalkAsksTheNextQuestionUntilItReachesTheSolution() {
    String reseat = published(Map.of("title", "重新安装纸盒"));
    String roller = published(Map.of("title", "更换搓纸轮"));
    String draftSolution = article(Map.of("title", "联系维修站"));
    String id =
        tree(
                "power",
                List.of(
                    node(
                        "power",
                        "电源灯亮吗？",
                        List.of(toNode("yes", "亮", "paper"), toArticle("no", "不亮", draftSolution))),
                    node(
                        "paper",
                        "纸盒有纸吗？",
                        List.of(toArticle("yes", "有", roller), toNode("no", "没有", "tray"))),
                    node(
                        "tray",
                        "纸盒插到底了吗？",
                        List.of(
                            toArticle("no", "没有", reseat),
                            Map.of("key", "yes", "label", "插好了", "conclusion", "请送修")))))
            .then()
            .statusCode(201)
            .body("nodes.size()", equalTo(3))
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("QUESTION"))
        .body("question.key", equalTo("power"))
        .body("question.answers.key", equalTo(List.of("yes", "no")))
        .body("path.size()", equalTo(0));
    Api.as("rep.zhang")
        .queryParam("answers", "yes")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .body("outcome", equalTo("QUESTION"))
        .body("question.key", equalTo("paper"));
    Api.as("rep.zhang")
        .queryParam("answers", "yes,no,no")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("SOLUTION"))
        .body("articleId", equalTo(reseat))
        .body("article.title", equalTo("重新安装纸盒"))
        .body("question", nullValue())
        .body("path.answerLabel", equalTo(List.of("亮", "没有", "没有")));
    Api.as("rep.zhang")
        .queryParam("answers", "yes,no,yes")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .body("outcome", equalTo("CONCLUSION"))
        .body("conclusion", equalTo("请送修"))
        .body("articleId", nullValue());
    // A solution the reader may not read (a draft) is named, not shown.
    Api.as("rep.zhang")
        .queryParam("answers", "no")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .body("outcome", equalTo("SOLUTION"))
        .body("articleId", equalTo(draftSolution))
        .body("article", nullValue());
    Api.as("rep.zhang")
        .queryParam("answers", "yes,maybe")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("answers[1]"));
    Api.as("rep.zhang")
        .queryParam("answers", "yes,yes,no")
        .get("/api/v1/diagnosis-trees/" + id + "/walk")
        .then()
        .statusCode(400);
    // An article a tree leads to stays until the tree changes.
    Api.as("admin.li").delete("/api/v1/knowledge-articles/" + roller).then().statusCode(409);
    // The GraphQL twin.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ walkDiagnosisTree(id: \""
                    + id
                    + "\", answers: [\"yes\", \"yes\"]) { outcome articleId question { key } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.walkDiagnosisTree.outcome", equalTo("SOLUTION"))
        .body("data.walkDiagnosisTree.articleId", equalTo(roller));
  }
}
