package dev.headlesscrm.platform.dictionary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a configurable value list (industry, customer level, source...). */
@Schema(name = "DictionaryEntry")
public record DictionaryEntry(
    @Schema(description = "What records store and filters compare", examples = "IT") String code,
    @Schema(examples = "信息技术") String nameZh,
    @Schema(examples = "Information technology") String nameEn,
    int sortOrder,
    boolean active) {}
