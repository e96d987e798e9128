package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Duplicate detection: a candidate customer in, possible duplicates with reasons out. */
public final class DuplicateCandidate {
  private DuplicateCandidate() {}

  /** The would-be customer. */
  @Input("DuplicateCheckInput")
  @Schema(name = "DuplicateCheck")
  public record Check(
      @Size(max = 200) String name,
      @Size(max = 32) String mnemonic,
      @Size(max = 40) String mainPhone,
      @Size(max = 254) String email) {}

  /** Why a customer looks like a duplicate. */
  @Type("DuplicateReason")
  @Schema(name = "DuplicateReason")
  public record Reason(
      @Schema(enumeration = {"name", "name-partial", "name-similar", "mnemonic", "phone", "email"})
          String code,
      double score) {}

  /** One possible duplicate. */
  @Type("DuplicateMatch")
  @Schema(name = "DuplicateMatch")
  public record Match(UUID id, String number, String name, double score, List<Reason> reasons) {}
}
