package dev.headlesscrm.support.domain;

import java.util.UUID;

/**
 * An answer to a diagnosis question, known by its key within the question: it leads to exactly one
 * of the next question ({@code nextNodeKey}), a solution article ({@code articleId}) or a
 * conclusion in words where no article applies ({@code conclusion}: 送修, 转工程师).
 */
public record DiagnosisAnswer(
    String key, String label, String nextNodeKey, UUID articleId, String conclusion) {}
