package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.persistence.ReadTransaction;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.search.SearchText;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.support.domain.ArticleKind;
import dev.headlesscrm.support.domain.ArticleRelevanceRules;
import dev.headlesscrm.support.domain.ArticleStates;
import dev.headlesscrm.support.domain.ArticleStatus;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.KnowledgeArticle;
import dev.headlesscrm.support.domain.ProductDefect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Knowledge articles (知识库文章: FAQ, solutions, technical documents). Drafts are written by the
 * service desk and published, retired or redrafted by the service manager, each through the
 * article's version; readers who may not write articles see only published ones. Uses on service
 * requests and readers' votes are rows of their own, counted on the article through its version
 * under its row lock, so concurrent votes are all counted.
 */
@ApplicationScoped
public class KnowledgeArticleService
    extends RecordService<KnowledgeArticle, KnowledgeArticleView, KnowledgeArticleInput> {

  static final String RESOURCE = "knowledge-article";

  /** Candidates the database ranks roughly before they are scored exactly. */
  static final int CANDIDATES = 200;

  @Inject DictionaryService dictionaryCheck;
  @Inject NumberingService numbering;
  @Inject CurrentPrincipal principal;
  @Inject ServiceRequestService requests;

  static final RecordDefinition<KnowledgeArticle, KnowledgeArticleView, KnowledgeArticleInput>
      DEFINITION =
          RecordDefinition.of(
                  KnowledgeResources.ARTICLES,
                  KnowledgeArticle.class,
                  KnowledgeArticleView.class,
                  KnowledgeArticleInput.class)
              .own("title", "kind", "productId", "tags")
              .build();

  @Override
  protected RecordDefinition<KnowledgeArticle, KnowledgeArticleView, KnowledgeArticleInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(KnowledgeArticleInput in, KnowledgeArticle a, boolean creating) {
    if (!creating && a.status == ArticleStatus.RETIRED) {
      throw CrmException.conflict(
          Text.of(
              "A retired article is redrafted (POST /knowledge-articles/{id}/redraft) before it is"
                  + " edited.",
              "已停用的文章须先修订（POST /knowledge-articles/{id}/redraft）才能编辑。"));
    }
    Map<String, String> codes = new java.util.HashMap<>();
    codes.put("category", in.category());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    if (in.productId() != null
        && !in.productId().equals(a.productId)
        && references.readable("product", in.productId()).isEmpty()) {
      throw CrmException.invalidField(
          "productId", "not-found", Text.of("No such product.", "产品不存在。"));
    }
    copy(in, a);
    a.title = in.title().trim();
    a.kind = in.kind() == null ? ArticleKind.SOLUTION : in.kind();
    a.productId = in.productId();
    Set<String> tags = new LinkedHashSet<>();
    if (in.tags() != null) {
      in.tags().stream().filter(Objects::nonNull).map(String::trim).forEach(tags::add);
    }
    tags.remove("");
    a.tags = new ArrayList<>(tags);
    if (creating) {
      a.number = numbering.next(RESOURCE);
      a.status = ArticleStatus.DRAFT;
    }
    SearchText.Columns search =
        SearchText.builder()
            .add(a.title)
            .add(a.summary)
            .add(a.tags)
            .add(a.content)
            .code(a.number)
            .build();
    a.searchText = search.searchText();
    a.searchTokens = new ArrayList<>(search.searchTokens());
  }

  // --- Who sees what ---------------------------------------------------------------------------

  /** Those who may write articles read every one; everyone else reads the published ones. */
  private boolean author() {
    return access.allowed(RESOURCE, Action.UPDATE);
  }

  @Override
  protected SqlFragment scope() {
    return author()
        ? SqlFragment.TRUE
        : SqlFragment.of("t.status = ?", ArticleStatus.PUBLISHED.name());
  }

  @Override
  protected boolean visible(KnowledgeArticle a) {
    return a.status == ArticleStatus.PUBLISHED || author();
  }

  @Override
  protected void beforeDelete(KnowledgeArticle a) {
    Number trees =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM diagnosis_trees WHERE deleted_at IS NULL"
                        + " AND nodes @> CAST(?1 AS jsonb)")
                .setParameter(1, "[{\"answers\":[{\"articleId\":\"" + a.id + "\"}]}]")
                .getSingleResult();
    if (trees.longValue() > 0) {
      throw CrmException.conflict(
          Text.of(
              "A diagnosis tree leads to this article; change the tree first.",
              "有诊断树指向该文章，请先修改诊断树。"));
    }
  }

  // --- Status actions ----------------------------------------------------------------------------

  /** DRAFT → PUBLISHED: readers see it from now on. */
  @Transactional
  public KnowledgeArticleView publish(UUID id) {
    return move(id, ArticleStatus.PUBLISHED, "published");
  }

  /** PUBLISHED → RETIRED: it no longer applies; readers no longer see it. */
  @Transactional
  public KnowledgeArticleView retire(UUID id) {
    return move(id, ArticleStatus.RETIRED, "retired");
  }

  /** PUBLISHED or RETIRED → DRAFT, to be reworked and published again. */
  @Transactional
  public KnowledgeArticleView redraft(UUID id) {
    return move(id, ArticleStatus.DRAFT, "redrafted");
  }

  private KnowledgeArticleView move(UUID id, ArticleStatus to, String action) {
    KnowledgeArticle a = forUpdate(id, Action.DELETE);
    ArticleStates.ARTICLE.act(a.status, to);
    return act(
        a,
        action,
        x -> {
          x.status = to;
          if (to == ArticleStatus.PUBLISHED) {
            x.publishedAt = now();
            x.retiredAt = null;
          } else if (to == ArticleStatus.RETIRED) {
            x.retiredAt = now();
          }
        });
  }

  // --- Use and votes -----------------------------------------------------------------------------

  /**
   * The caller's vote: helpful or not, once per reader and article. A changed vote moves one count
   * to the other; the same vote again is a 409 (nothing to do).
   */
  @Transactional
  public KnowledgeArticleView feedback(UUID id, ArticleFeedbackInput in) {
    access.require(RESOURCE, Action.UPDATE);
    if (in == null || in.helpful() == null) {
      throw CrmException.invalidField(
          "helpful", "required", Text.of("Say whether it helped.", "请说明是否有用。"));
    }
    if (in.comment() != null && in.comment().length() > 2000) {
      throw CrmException.invalidField(
          "comment", "size", Text.of("At most 2000 characters.", "最多 2000 个字符。"));
    }
    KnowledgeArticle a = lockedLive(id);
    requirePublished(a);
    if (in.serviceRequestId() != null
        && references.readable("service-request", in.serviceRequestId()).isEmpty()) {
      throw CrmException.invalidField(
          "serviceRequestId", "not-found", Text.of("No such service request.", "服务请求不存在。"));
    }
    UUID voter = principal.resolve().id();
    boolean helpful = in.helpful();
    // Read and written before the article changes: a query inside act() would flush it early.
    @SuppressWarnings("unchecked")
    List<Boolean> before =
        em.createNativeQuery(
                "SELECT helpful FROM knowledge_article_votes WHERE article_id = ?1 AND voter_id = ?2")
            .setParameter(1, a.id)
            .setParameter(2, voter)
            .getResultList();
    Boolean previous = before.isEmpty() ? null : before.get(0);
    if (previous != null && previous == helpful) {
      throw CrmException.conflict(
          Text.of(
              "You have already voted this article " + (helpful ? "helpful" : "not helpful") + ".",
              "您已投过" + (helpful ? "“有用”" : "“无用”") + "票。"));
    }
    String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO knowledge_article_votes"
                          + " (article_id, voter_id, helpful, comment, request_id, voted_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, voter_id) DO UPDATE"
                          + " SET helpful = EXCLUDED.helpful, comment = EXCLUDED.comment,"
                          + " request_id = EXCLUDED.request_id, voted_at = EXCLUDED.voted_at")) {
                s.setObject(1, a.id);
                s.setObject(2, voter);
                s.setBoolean(3, helpful);
                s.setString(4, comment);
                s.setObject(5, in.serviceRequestId());
                s.setTimestamp(6, Timestamp.from(now()));
                s.executeUpdate();
              }
            });
    return act(
        a,
        "voted",
        x -> {
          if (previous != null) {
            if (previous) {
              x.helpfulCount--;
            } else {
              x.notHelpfulCount--;
            }
          }
          if (helpful) {
            x.helpfulCount++;
          } else {
            x.notHelpfulCount++;
          }
        });
  }

  /**
   * The article was used on a service request (the one that solved it): once per request, counted
   * in usageCount. Needs the UPDATE permission on service requests and a request the caller sees.
   */
  @Transactional
  public KnowledgeArticleView use(UUID id, ArticleUseInput in) {
    access.require(RESOURCE, Action.UPDATE);
    access.require(ServiceRequestService.RESOURCE, Action.UPDATE);
    if (in == null || in.serviceRequestId() == null) {
      throw CrmException.invalidField(
          "serviceRequestId", "required", Text.of("Name the service request.", "请指定服务请求。"));
    }
    KnowledgeArticle a = lockedLive(id);
    requirePublished(a);
    if (references.readable("service-request", in.serviceRequestId()).isEmpty()) {
      throw CrmException.invalidField(
          "serviceRequestId", "not-found", Text.of("No such service request.", "服务请求不存在。"));
    }
    UUID user = principal.resolve().id();
    int added =
        em.unwrap(Session.class)
            .doReturningWork(
                c -> {
                  try (PreparedStatement s =
                      c.prepareStatement(
                          "INSERT INTO knowledge_article_uses (article_id, request_id, used_by,"
                              + " used_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    s.setObject(1, a.id);
                    s.setObject(2, in.serviceRequestId());
                    s.setObject(3, user);
                    s.setTimestamp(4, Timestamp.from(now()));
                    return s.executeUpdate();
                  }
                });
    if (added == 0) {
      throw CrmException.conflict(
          Text.of(
              "The article is already recorded as used on this service request.",
              "该文章已记录用于此服务请求。"));
    }
    return act(a, "used", x -> x.usageCount++);
  }

  private static void requirePublished(KnowledgeArticle a) {
    if (a.status != ArticleStatus.PUBLISHED) {
      throw CrmException.conflict(
          Text.of(
              "Only a published article is used and voted on; this one is " + a.status + ".",
              "只有已发布的文章可以使用和评价；该文章为 " + a.status + "。"));
    }
  }

  // --- Suggestions -------------------------------------------------------------------------------

  /**
   * The published articles most relevant to a service request the caller sees (404 otherwise), best
   * first (see {@link ArticleRelevanceRules}); ties go to the more helpful, then more used.
   */
  @ReadTransaction
  public List<SuggestedArticleView> suggestedFor(UUID requestId, int limit) {
    access.require(RESOURCE, Action.READ);
    if (limit < 1 || limit > 50) {
      throw CrmException.invalidParameter(
          "limit", "range", Text.of("Between 1 and 50.", "须在 1 到 50 之间。"));
    }
    ServiceRequestView r = requests.get(requestId);
    UUID product = productOf(r);
    String text = r.subject() + "\n" + (r.description() == null ? "" : r.description());
    List<String> terms = ArticleRelevanceRules.terms(text);
    List<String> bigrams = ArticleRelevanceRules.bigrams(terms);
    List<String> words = ArticleRelevanceRules.words(terms);
    List<UUID> ids = candidates(product, r.category(), bigrams, words);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<KnowledgeArticle> rows =
        em.createQuery(
                "from KnowledgeArticle a where a.id in :ids and a.deletedAt is null",
                KnowledgeArticle.class)
            .setParameter("ids", ids)
            .getResultList();
    Set<UUID> used = usedOn(requestId);
    ArticleRelevanceRules.Request request =
        new ArticleRelevanceRules.Request(product, r.category(), text);
    record Scored(KnowledgeArticleView article, ArticleRelevanceRules.Score score) {}
    List<Scored> scored = new ArrayList<>();
    for (KnowledgeArticle a : rows) {
      ArticleRelevanceRules.Score s =
          ArticleRelevanceRules.score(
              request,
              terms,
              new ArticleRelevanceRules.Article(a.productId, a.category, a.searchText));
      if (s.score() > 0) {
        scored.add(new Scored(view(a), s));
      }
    }
    scored.sort(
        Comparator.comparingDouble((Scored s) -> -s.score().score())
            .thenComparingInt(s -> -s.article().helpfulCount())
            .thenComparingInt(s -> -s.article().usageCount())
            .thenComparing(s -> s.article().id()));
    return scored.stream()
        .limit(limit)
        .map(
            s ->
                new SuggestedArticleView(
                    s.article(),
                    s.score().score(),
                    s.score().reasons().stream()
                        .map(
                            x ->
                                new SuggestedArticleView.Reason(
                                    x.code(), x.points(), x.matchedTerms()))
                        .toList(),
                    used.contains(s.article().id())))
        .toList();
  }

  /** The product a request is about: its goods', else its defect's. */
  private UUID productOf(ServiceRequestView r) {
    if (r.goodsId() != null) {
      Goods g = em.find(Goods.class, r.goodsId());
      if (g != null && g.productId != null) {
        return g.productId;
      }
    }
    if (r.defectId() != null) {
      ProductDefect d = em.find(ProductDefect.class, r.defectId());
      if (d != null) {
        return d.productId;
      }
    }
    return null;
  }

  /**
   * Published live articles sharing the product or category or a term (bigrams through the search
   * tokens index), ranked roughly by the database; at most {@value #CANDIDATES}.
   */
  private List<UUID> candidates(
      UUID product, String category, List<String> bigrams, List<String> words) {
    List<String> any = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    List<String> rank = new ArrayList<>();
    List<Object> rankParams = new ArrayList<>();
    if (product != null) {
      any.add("t.product_id = ?");
      params.add(product);
      rank.add("CASE WHEN t.product_id = ? THEN 4 ELSE 0 END");
      rankParams.add(product);
    }
    if (category != null) {
      any.add("t.category = ?");
      params.add(category);
      rank.add("CASE WHEN t.category = ? THEN 2 ELSE 0 END");
      rankParams.add(category);
    }
    if (!bigrams.isEmpty()) {
      String array =
          "CAST(ARRAY["
              + String.join(", ", Collections.nCopies(bigrams.size(), "?"))
              + "] AS text[])";
      any.add("t.search_tokens && " + array);
      params.addAll(bigrams);
      rank.add("(SELECT count(*) FROM unnest(t.search_tokens) k WHERE k = ANY(" + array + "))");
      rankParams.addAll(bigrams);
    }
    for (String w : words) {
      any.add("strpos(t.search_text, ?) > 0");
      params.add(w);
    }
    if (any.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT t.id FROM knowledge_articles t WHERE t.deleted_at IS NULL AND t.status = ?"
            + " AND ("
            + String.join(" OR ", any)
            + ") ORDER BY "
            + (rank.isEmpty() ? "" : String.join(" + ", rank) + " DESC, ")
            + "t.helpful_count DESC, t.id LIMIT "
            + CANDIDATES;
    List<Object> all = new ArrayList<>();
    all.add(ArticleStatus.PUBLISHED.name());
    all.addAll(params);
    all.addAll(rankParams);
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < all.size(); i++) {
                  s.setObject(i + 1, all.get(i));
                }
                List<UUID> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                  }
                }
                return out;
              }
            });
  }

  /** The articles recorded as used on a request. */
  private Set<UUID> usedOn(UUID requestId) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery("SELECT article_id FROM knowledge_article_uses WHERE request_id = ?1")
            .setParameter(1, requestId)
            .getResultList();
    return new HashSet<>(ids);
  }

  /** The live article with this id, whoever may read it (for diagnosis trees' answers). */
  boolean exists(UUID id) {
    KnowledgeArticle a = em.find(KnowledgeArticle.class, id);
    return a != null && !a.isDeleted();
  }
}
