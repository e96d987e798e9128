package dev.headlesscrm.customer.application;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a merge did (or, for a dry run, would do). */
@Type("MergeResult")
@Schema(name = "MergeResult")
public record MergeResult(
    CustomerView survivor,
    List<UUID> merged,
    int contactsMoved,
    int childCustomersMoved,
    boolean dryRun) {}
