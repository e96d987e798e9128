package dev.headlesscrm.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that the fault scripts put between the service and PostgreSQL (not a test; run with
 * the test classpath): it forwards {@code LISTEN_PORT} on loopback to {@code TARGET_HOST:PORT}.
 * When the control file says {@code down} it cuts every connection and refuses new ones (the
 * database "unreachable" as a network failure shows it); when it says {@code up} it accepts again.
 * Prints {@code DOWN <epoch-ms>} and {@code UP <epoch-ms>} when it does.
 *
 * <p>Usage: {@code TcpProxy LISTEN_PORT TARGET_HOST TARGET_PORT CONTROL_FILE}
 */
public final class TcpProxy {

  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final int listenPort;
  private final String targetHost;
  private final int targetPort;
  private volatile ServerSocket server;

  private TcpProxy(int listenPort, String targetHost, int targetPort) {
    this.listenPort = listenPort;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  public static void main(String[] args) throws Exception {
    TcpProxy proxy = new TcpProxy(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]));
    java.nio.file.Path control = java.nio.file.Path.of(args[3]);
    boolean up = true;
    proxy.up();
    System.out.println("UP " + System.currentTimeMillis());
    while (true) {
      Thread.sleep(50);
      String wanted =
          java.nio.file.Files.exists(control)
              ? java.nio.file.Files.readString(control).trim()
              : "up";
      if (up && wanted.equals("down")) {
        proxy.down();
        up = false;
        System.out.println("DOWN " + System.currentTimeMillis());
      } else if (!up && wanted.equals("up")) {
        proxy.up();
        up = true;
        System.out.println("UP " + System.currentTimeMillis());
      }
    }
  }

  private synchronized void up() throws IOException {
    ServerSocket s = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
    s.setReuseAddress(true);
    server = s;
    Thread acceptor =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try {
                  Socket client = s.accept();
                  Socket upstream = new Socket(targetHost, targetPort);
                  open.add(client);
                  open.add(upstream);
                  pipe(client, upstream);
                  pipe(upstream, client);
                } catch (IOException closedOrRefused) {
                  // closed while going down, or the target refused: the client sees a reset
                }
              }
            },
            "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private synchronized void down() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
    open.clear();
  }

  private void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException closed) {
                // one side went away
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pipe");
    t.setDaemon(true);
    t.start();
  }
}
