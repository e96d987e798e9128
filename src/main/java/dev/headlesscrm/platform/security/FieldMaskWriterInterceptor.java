package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/** Every REST response body is written with the caller's field mask current. */
@Provider
@Priority(Priorities.USER)
public class FieldMaskWriterInterceptor implements WriterInterceptor {

  @Inject FieldPolicy policy;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    Object entity = context.getEntity();
    if (entity == null
        || entity instanceof Problem
        || entity instanceof CharSequence
        || entity instanceof byte[]
        || entity instanceof com.fasterxml.jackson.databind.JsonNode) {
      context.proceed();
      return;
    }
    // Applied even when the caller's permissions hide nothing: records may withhold fields of
    // their own (WithheldFields).
    policy.mask().applyTo(context::proceed);
  }
}
