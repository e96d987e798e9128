package dev.headlesscrm.platform.numbering;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rule would hand out next, without handing it out. */
@Schema(
    name = "NumberPreview",
    description = "The number a rule would issue next (nothing is used up).")
public record NumberPreview(
    @Schema(examples = "customer") String key,
    @Schema(examples = "KH{yyyyMMdd}{seq:4}") String pattern,
    ResetPolicy reset,
    @Schema(examples = "KH202611230001") String next) {}
