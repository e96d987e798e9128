package dev.headlesscrm.platform.idempotency;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on every POST, PUT and PATCH under {@code /api} (API.md §3), for every
 * resource present and future, with no code in any of them.
 *
 * <p>Where it hooks in, and why: a Quarkus REST request filter (after resource matching, so it runs
 * on the worker thread of blocking endpoints), a response filter and a {@link
 * IdempotencyWriterInterceptor}. The alternative, a Vert.x route handler ({@code @Observes Router})
 * with a BodyHandler, can hash the body but cannot see the response body: Vert.x offers no hook on
 * the bytes a response writes. At the JAX-RS level the request filter reads the body from {@code
 * getEntityStream()} and puts the bytes back for deserialisation, the caller is the authenticated
 * principal ({@link CurrentPrincipal}, from the verified bearer token, never a client header), and
 * every answer, including the problem+json that the exception mapper makes of a failure, passes the
 * response filters and the writer, where its status, headers and exact bytes are captured and
 * stored <em>before</em> the client receives them, so a retry right after an answer is replayed,
 * never refused. Requests that fail before resource matching (401, 404 of an unknown path, 405,
 * 415) never claim a key and are answered as without one.
 *
 * <p>Lifecycle of a key: claimed in-flight in its own committed transaction before the endpoint
 * runs; completed with the answer when it is below 500 (see {@link IdempotencyPolicy}); released
 * (deleted) for a 5xx, an exception while writing, or a connection that ends without an answer (the
 * end-of-response handler), so the client may retry. A retry with the same key and the same method,
 * path, query, If-Match and body is answered with the stored response plus {@code
 * Idempotency-Replayed: true}; a different request is 422; a retry while the first still runs is
 * 409. Keys are per caller (the token's subject). Without the header nothing changes.
 *
 * <p>Non-blocking endpoints (none today: services are JPA and blocking) are covered too, with one
 * difference: their answer is written on the event loop, which may not wait for the database, so it
 * is stored just after it is sent; a retry in that instant is told 409, retry shortly.
 */
public class IdempotencyFilters {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotency-Replayed";
  public static final int MAX_KEY_LENGTH = 255;

  static final String ATTEMPT = IdempotencyFilters.class.getName() + ".attempt";

  private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

  @Inject IdempotencyStore store;
  @Inject Attempts attempts;
  @Inject CurrentPrincipal principal;
  @Inject CurrentVertxRequest vertxRequest;

  /**
   * Claims the key before the endpoint runs, or answers for it (replay, 409, 422). Runs late among
   * request filters so that a request another filter refuses never claims a key.
   */
  @ServerRequestFilter(priority = Priorities.USER + 1000)
  public Uni<Response> claim(ContainerRequestContext request) {
    String key = keyOf(request);
    if (key == null || !principal.isAuthenticated()) {
      return Uni.createFrom().nullItem();
    }
    String caller = principal.caller().subject();
    RoutingContext routing = vertxRequest.getCurrent();
    Uni<Response> work = Uni.createFrom().item(() -> begin(request, routing, caller, key));
    // Blocking endpoints run their filters on a worker thread already; a non-blocking endpoint's
    // filters run on the event loop, which must not wait for the body or the database.
    return io.vertx.core.Context.isOnEventLoopThread()
        ? work.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        : work;
  }

  /**
   * Records the status and headers of a claimed request's answer; completes the key at once when
   * the answer has no body (the writer interceptor does it otherwise), releases it for answers not
   * worth keeping.
   */
  // Response filters run in descending priority: this one after the usual ones (USER), so it
  // sees the headers they add.
  @ServerResponseFilter(priority = Priorities.AUTHENTICATION)
  public void record(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(ATTEMPT) instanceof Attempt attempt) || attempt.isSettled()) {
      return;
    }
    int status = response.getStatus();
    if (!IdempotencyPolicy.remembers(status)) {
      if (attempt.settle()) {
        offEventLoop(() -> attempts.release(attempt));
      }
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : IdempotencyPolicy.REPLAYED_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    attempt.answered(status, headers);
    if (!response.hasEntity() && attempt.settle()) {
      offEventLoop(() -> attempts.complete(attempt, new byte[0]));
    }
  }

  private Response begin(
      ContainerRequestContext request, RoutingContext routing, String caller, String key) {
    byte[] body = readBody(request);
    URI uri = request.getUriInfo().getRequestUri();
    String method = request.getMethod();
    String path = uri.getRawPath();
    byte[] fingerprint =
        fingerprint(uri.getRawQuery(), request.getHeaderString(HttpHeaders.IF_MATCH), body);
    IdempotencyStore.Claim claim = store.claim(caller, key, method, path, fingerprint);
    if (claim instanceof IdempotencyStore.Claimed claimed) {
      Attempt attempt = new Attempt(caller, key, claimed.claimId());
      request.setProperty(ATTEMPT, attempt);
      if (routing != null) {
        routing.put(ATTEMPT, attempt); // for IdempotencyMarks, in the service layer
        // Safety net: a response that ended without being captured (a connection reset, a
        // failure below JAX-RS) frees the key instead of blocking it until it expires.
        routing.addEndHandler(
            ended -> {
              if (attempt.settle()) {
                routing
                    .vertx()
                    .executeBlocking(() -> attempts.release(attempt), false)
                    .onFailure(e -> LOG.warnf(e, "Could not release idempotency key %s", key));
              }
            });
      }
      return null;
    }
    IdempotencyStore.StoredKey existing = ((IdempotencyStore.Existing) claim).key();
    if (!existing.sameRequest(method, path, fingerprint)) {
      throw CrmException.invalidField(
          HEADER,
          "reused",
          Text.of(
              "This Idempotency-Key was already used for a different request (method, path, query,"
                  + " If-Match or body); send a new key.",
              "该 Idempotency-Key 已用于另一个不同的请求（方法、路径、查询参数、If-Match 或请求体不同），请使用新的键。"));
    }
    if (existing.state() == IdempotencyStore.State.COMMITTED
        && !existing.committed().claimantAlive()) {
      // Its change committed, then its process died before storing the answer: answer from the
      // record rather than run the request a second time.
      return fromRecord(existing.committed(), method, path);
    }
    if (existing.state() != IdempotencyStore.State.COMPLETED) {
      throw CrmException.conflict(
          Text.of(
              "A request with this Idempotency-Key is still being processed; retry shortly.",
              "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。"));
    }
    return replay(existing.response());
  }

  @Inject dev.headlesscrm.platform.records.References records;

  /** The answer to a retry of a committed request whose answer was lost: the record as it is. */
  private Response fromRecord(IdempotencyStore.Committed committed, String method, String path) {
    dev.headlesscrm.platform.api.Versioned view =
        (dev.headlesscrm.platform.api.Versioned)
            records
                .serviceOf(committed.resource())
                .orElseThrow(() -> CrmException.notFound(committed.resource(), committed.id()))
                .get(committed.id());
    boolean created = "created".equals(committed.action()) && "POST".equals(method);
    Response.ResponseBuilder answer =
        Response.status(created ? 201 : 200)
            .entity(view)
            .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
            .header(HttpHeaders.ETAG, dev.headlesscrm.platform.api.ETags.of(view.version()))
            .header(REPLAYED, "true");
    if (created) {
      String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      answer.header(HttpHeaders.LOCATION, base + "/" + view.id());
    }
    return answer.build();
  }

  /** The key of a request it applies to, null when it does not apply; a bad key is a 400. */
  static String keyOf(ContainerRequestContext request) {
    if (!METHODS.contains(request.getMethod())) {
      return null;
    }
    List<String> keys = request.getHeaders().get(HEADER);
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path == null || !path.startsWith("/api/")) {
      return null;
    }
    String key = keys.get(0);
    if (keys.size() > 1 || key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw CrmException.malformed(
          Text.of(
              "Send one Idempotency-Key of 1 to " + MAX_KEY_LENGTH + " characters.",
              "请只发送一个 Idempotency-Key，长度为 1 到 " + MAX_KEY_LENGTH + " 个字符。"));
    }
    return key;
  }

  /** SHA-256 over what makes two requests the same: query, If-Match and the body's bytes. */
  static byte[] fingerprint(String rawQuery, String ifMatch, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // Neither a raw query nor a header value can contain a line feed: the parts cannot blur.
      sha.update(("query:" + (rawQuery == null ? "" : rawQuery) + "\n").getBytes(UTF8));
      sha.update(("if-match:" + (ifMatch == null ? "" : ifMatch) + "\n").getBytes(UTF8));
      sha.update(body);
      return sha.digest();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] readBody(ContainerRequestContext request) {
    try {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response replay(StoredResponse stored) {
    Response.ResponseBuilder answer = Response.status(stored.status());
    stored.headers().forEach(answer::header);
    answer.header(REPLAYED, "true");
    if (stored.body().length > 0) {
      answer.entity(stored.body());
    }
    return answer.build();
  }

  /** Database work may not block the event loop: from there it goes to a worker. */
  static void offEventLoop(Runnable task) {
    if (io.vertx.core.Context.isOnEventLoopThread()) {
      Infrastructure.getDefaultWorkerPool().execute(task);
    } else {
      task.run();
    }
  }
}
