/**
 * Pipelines and opportunities (商机): pipelines with ordered stages of a kind (open, won, lost);
 * opportunities move through stages, their status following the stage's kind (OpportunityStates),
 * with a stage history for funnel and cycle analysis. Other aggregates check opportunity references
 * through OpportunityReferences; lead conversion creates them through OpportunityService.
 */
package dev.headlesscrm.sales.pipeline;
