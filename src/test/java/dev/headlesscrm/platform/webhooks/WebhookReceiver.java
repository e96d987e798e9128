package dev.headlesscrm.platform.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A webhook receiver for tests: a real HTTP server on loopback that answers each request with the
 * next scripted answer (204 once the script is used up) and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One scripted answer: a status after a delay, with headers. */
  record Answer(int status, Duration delay, Map<String, String> headers) {
    static Answer status(int status) {
      return new Answer(status, Duration.ZERO, Map.of());
    }

    static Answer slow(Duration delay) {
      return new Answer(204, delay, Map.of());
    }
  }

  /** One request as it arrived, and the status it was answered with. */
  record Received(
      Instant at, Map<String, String> headers, String body, int answeredWith, Duration after) {

    String header(String name) {
      return headers.get(name.toLowerCase());
    }

    /** A 2xx answered at once (a late one is a timeout to the sender). */
    boolean succeeded() {
      return answeredWith >= 200 && answeredWith < 300 && after.isZero();
    }
  }

  private final HttpServer server;
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new ArrayList<>();
  private volatile Answer always = Answer.status(204);

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** Answers to give, in order, before the standing answer. */
  WebhookReceiver then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** The answer once the script is used up. */
  WebhookReceiver always(Answer answer) {
    always = answer;
    return this;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> succeeded() {
    return received().stream().filter(Received::succeeded).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    Answer answer = script.poll();
    if (answer == null) {
      answer = always;
    }
    synchronized (this) {
      received.add(new Received(Instant.now(), headers, body, answer.status(), answer.delay()));
    }
    try {
      Thread.sleep(answer.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] reply = ("answered " + answer.status()).getBytes(StandardCharsets.UTF_8);
    try {
      if (answer.status() == 204) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        exchange.sendResponseHeaders(answer.status(), reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply);
        }
      }
    } catch (IOException clientGone) {
      // the sender timed out and closed the connection
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
