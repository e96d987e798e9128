/**
 * Free text that works for Chinese: bigram tokens, 助记码 (pinyin initials), phone and code
 * normalisation for the search columns.
 */
package dev.headlesscrm.platform.search;
