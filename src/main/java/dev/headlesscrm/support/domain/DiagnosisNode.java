package dev.headlesscrm.support.domain;

import java.util.List;

/** A question of a diagnosis tree, known by its key within the tree, and its answers. */
public record DiagnosisNode(
    String key, String question, String hint, List<DiagnosisAnswer> answers) {

  public DiagnosisNode {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }
}
