package dev.headlesscrm.platform.query;

/**
 * Fields a resource gains while the service runs (custom fields an administrator defines): the list
 * machinery asks for them on every query, so they filter and sort like declared fields.
 */
public interface RuntimeFields {

  /** The spec with its run-time fields added ({@code custom.<key>}); the spec itself if none. */
  ResourceSpec extend(ResourceSpec spec);
}
