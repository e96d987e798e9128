package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 知识库文章: a FAQ answer, a solution or a technical document, searched when handling a service
 * request; its use on requests and readers' votes are counted on it.
 */
@Entity
@Table(name = "knowledge_articles")
public class KnowledgeArticle extends SoftDeletableEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Column(nullable = false, length = 200)
  public String title;

  @Column(length = 1000)
  public String summary;

  @Column(columnDefinition = "text")
  public String content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  public ArticleKind kind;

  @Column(name = "product_id")
  public UUID productId;

  /** Code from dictionary {@code service-category}. */
  @Column(length = 64)
  public String category;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> tags = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ArticleStatus status;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "retired_at")
  public Instant retiredAt;

  /** Service requests it was used on. */
  @Column(name = "usage_count", nullable = false)
  public int usageCount;

  @Column(name = "helpful_count", nullable = false)
  public int helpfulCount;

  @Column(name = "not_helpful_count", nullable = false)
  public int notHelpfulCount;

  @Column(name = "search_text", nullable = false, columnDefinition = "text")
  public String searchText = "";

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "search_tokens", nullable = false)
  public List<String> searchTokens = new ArrayList<>();
}
