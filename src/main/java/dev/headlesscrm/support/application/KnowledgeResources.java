package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.platform.security.Roles;
import dev.headlesscrm.support.domain.ArticleKind;
import dev.headlesscrm.support.domain.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The knowledge base's resources (解决方案库 / FAQ), declared once: knowledge articles and diagnosis
 * trees. The service desk writes them; publishing, retiring and revising an article, and deleting
 * either, is the service manager's (the DELETE permission); everyone reads the published articles,
 * those who may write them read the drafts and retired ones too.
 */
@ApplicationScoped
public class KnowledgeResources implements ResourceDeclarations {

  static final List<String> AUTHORS =
      List.of(Roles.SERVICE_MANAGER, Roles.SERVICE_AGENT, Roles.INTEGRATION);

  static final ResourceSpec ARTICLES =
      ResourceSpec.builder("knowledge-article", "knowledge_articles")
          .view(KnowledgeArticleView.class)
          .dictionary("category", "service-category")
          .labels(
              "number",
              "编号",
              "title",
              "标题",
              "summary",
              "摘要",
              "content",
              "正文",
              "kind",
              "类型",
              "productId",
              "产品",
              "category",
              "类别",
              "tags",
              "标签",
              "status",
              "状态",
              "publishedAt",
              "发布时间",
              "retiredAt",
              "停用时间",
              "usageCount",
              "使用次数",
              "helpfulCount",
              "有用",
              "notHelpfulCount",
              "无用")
          .field("number", "number", FieldType.STRING, true, false)
          .field("title", "title", FieldType.STRING, true, false)
          .enumField("kind", "kind", ArticleKind.class, true)
          .field("productId", "product_id", FieldType.UUID_, false, true)
          .field("category", "category", FieldType.STRING, true, true)
          .field("tags", "tags", FieldType.TAGS, false, false)
          .enumField("status", "status", ArticleStatus.class, true)
          .field("publishedAt", "published_at", FieldType.INSTANT, true, true)
          .field("retiredAt", "retired_at", FieldType.INSTANT, true, true)
          .field("usageCount", "usage_count", FieldType.INTEGER, true, false)
          .field("helpfulCount", "helpful_count", FieldType.INTEGER, true, false)
          .field("notHelpfulCount", "not_helpful_count", FieldType.INTEGER, true, false)
          .relation("product", "product_id", "product")
          .auditFields()
          .softDelete()
          .search(SearchSupport::condition)
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(AUTHORS, "CREATE", "UPDATE")
          .grant(SupportResources.SERVICE_MANAGERS, "DELETE", "RESTORE")
          .build();

  static final ResourceSpec TREES =
      ResourceSpec.builder("diagnosis-tree", "diagnosis_trees")
          .view(DiagnosisTreeView.class)
          .dictionary("category", "service-category")
          .labels(
              "name",
              "名称",
              "description",
              "说明",
              "productId",
              "产品",
              "category",
              "类别",
              "active",
              "启用",
              "rootNodeKey",
              "根问题",
              "nodes",
              "问题")
          .field("name", "name", FieldType.STRING, true, false)
          .field("productId", "product_id", FieldType.UUID_, false, true)
          .field("category", "category", FieldType.STRING, true, true)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .relation("product", "product_id", "product")
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(AUTHORS, "CREATE", "UPDATE")
          .grant(SupportResources.SERVICE_MANAGERS, "DELETE", "RESTORE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(ARTICLES, TREES);
  }
}
