/**
 * Field metadata (API.md §9): what a frontend needs to render create forms, edit forms and list
 * views of any resource without hard-coding it, derived from the resource's declaration (its
 * ResourceSpec, view and input records with their validation) and from what this caller may see and
 * write. Nothing here is written per resource.
 */
package dev.headlesscrm.platform.metadata;
