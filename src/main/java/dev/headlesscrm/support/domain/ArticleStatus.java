package dev.headlesscrm.support.domain;

/** Where a knowledge article stands (see {@link ArticleStates}). */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  RETIRED
}
