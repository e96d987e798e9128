package dev.headlesscrm.platform.idempotency;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Captures the exact bytes of a claimed request's answer and stores them before they are sent (see
 * {@link IdempotencyFilters}). Answers to requests without a claimed key pass straight through.
 */
@Provider
public class IdempotencyWriterInterceptor implements WriterInterceptor {

  private static final String CONTENT_TYPE = "Content-Type";

  @Inject Attempts attempts;
  @Inject CurrentVertxRequest vertxRequest;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(IdempotencyFilters.ATTEMPT) instanceof Attempt attempt)
        || attempt.isSettled()) {
      context.proceed();
      return;
    }
    OutputStream target = context.getOutputStream();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    context.setOutputStream(buffer);
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      if (attempt.settle()) {
        IdempotencyFilters.offEventLoop(() -> attempts.release(attempt));
      }
      throw e;
    } finally {
      context.setOutputStream(target);
    }
    byte[] body = buffer.toByteArray();
    if (attempt.settle()) {
      attempt.header(CONTENT_TYPE, contentType(context));
      IdempotencyFilters.offEventLoop(() -> attempts.complete(attempt, body));
    }
    target.write(body);
  }

  /**
   * The Content-Type the answer goes out with: the response's own header when the endpoint or the
   * exception mapper set one, else the type the writer was chosen for, else the fallback Quarkus
   * REST has already put on the HTTP response when it negotiated the type of a {@code Response}
   * without one (in that case the interceptor context has no media type).
   */
  private String contentType(WriterInterceptorContext context) {
    Object declared = context.getHeaders().getFirst(CONTENT_TYPE);
    if (declared != null) {
      return declared.toString();
    }
    if (context.getMediaType() != null) {
      return context.getMediaType().toString();
    }
    RoutingContext routing = vertxRequest.getCurrent();
    return routing == null ? null : routing.response().headers().get(CONTENT_TYPE);
  }
}
