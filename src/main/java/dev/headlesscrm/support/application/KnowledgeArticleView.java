package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.ArticleKind;
import dev.headlesscrm.support.domain.ArticleStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A knowledge article (知识库文章: FAQ, solution or technical document) as clients read it. */
@Type("KnowledgeArticle")
@Schema(
    name = "KnowledgeArticle",
    description =
        "A FAQ answer, solution or technical document. Status moves through publish, retire and"
            + " redraft; q searches title, summary, content and tags (Chinese from one character)."
            + " usageCount counts the service requests it was used on (POST …/use), helpfulCount"
            + " and notHelpfulCount the readers' votes (POST …/feedback, one per reader).")
public record KnowledgeArticleView(
    @Id UUID id,
    @Schema(examples = "KB202612070001") String number,
    String title,
    String summary,
    String content,
    ArticleKind kind,
    UUID productId,
    @Schema(description = "Code from dictionary 'service-category'") String category,
    List<String> tags,
    ArticleStatus status,
    Instant publishedAt,
    Instant retiredAt,
    @Schema(description = "Service requests it was used on") int usageCount,
    @Schema(description = "Readers who found it helpful") int helpfulCount,
    @Schema(description = "Readers who found it not helpful") int notHelpfulCount,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
