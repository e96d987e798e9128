package dev.headlesscrm.support.domain;

import static dev.headlesscrm.support.domain.ArticleStatus.DRAFT;
import static dev.headlesscrm.support.domain.ArticleStatus.PUBLISHED;
import static dev.headlesscrm.support.domain.ArticleStatus.RETIRED;

import dev.headlesscrm.platform.state.StateMachine;

/** The status machine of knowledge articles, declared once. */
public final class ArticleStates {
  private ArticleStates() {}

  /**
   * A draft is published; a published article is retired when it no longer applies, or taken back
   * to a draft for revision, as a retired one may be before it is published again.
   */
  public static final StateMachine<ArticleStatus> ARTICLE =
      StateMachine.of("knowledge-article", ArticleStatus.class)
          .allow(DRAFT, PUBLISHED)
          .allow(PUBLISHED, RETIRED, DRAFT)
          .allow(RETIRED, DRAFT)
          .build();
}
