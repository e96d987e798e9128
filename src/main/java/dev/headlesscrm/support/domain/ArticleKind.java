package dev.headlesscrm.support.domain;

/** What a knowledge article is: a 常见问题 answer, a 解决方案 to a problem, or a 科技文档. */
public enum ArticleKind {
  FAQ,
  SOLUTION,
  TECHNICAL_DOCUMENT
}
