package dev.headlesscrm.platform.query;

import java.util.List;

/** Implemented by each context's bean that declares its resources' list specs. */
public interface ResourceDeclarations {
  List<ResourceSpec> resources();
}
