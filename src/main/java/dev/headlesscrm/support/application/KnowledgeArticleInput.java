package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.ArticleKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a knowledge article; its status moves only through its actions. */
@Input("KnowledgeArticleInput")
@Schema(
    name = "KnowledgeArticleInput",
    description =
        "The writable fields of a knowledge article. A new one is a DRAFT; a RETIRED one is revised"
            + " (POST …/redraft) before it is edited.")
public record KnowledgeArticleInput(
    @NotBlank @Size(max = 200) @Schema(examples = "打印机高温环境下频繁卡纸的处理方法") String title,
    @Size(max = 1000) @Schema(examples = "清洁定影组件并更换搓纸轮后可解决。") String summary,
    @Size(max = 50000) @Schema(description = "The article's text (plain text or Markdown)")
        String content,
    @Schema(description = "SOLUTION when omitted") ArticleKind kind,
    @Schema(description = "The product it is about; none for general articles") UUID productId,
    @Size(max = 64)
        @Schema(description = "Code from dictionary 'service-category'", examples = "HARDWARE")
        String category,
    @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags) {}
