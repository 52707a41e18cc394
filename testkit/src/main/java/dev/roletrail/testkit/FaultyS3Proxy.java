package dev.roletrail.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy in front of a real S3 server that can make chosen object reads fail, so tests see the S3 API's
 * real error answers through the AWS SDK (status, XML error body, retries) while everything else is served by the real
 * server. Path-style requests only. Each connection carries one request ({@code Connection: close}), which keeps the
 * proxy simple; requests are forwarded byte for byte, so signatures stay valid.
 */
public final class FaultyS3Proxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final URI backend;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-s3-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Runnable> beforeGet = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

    private record Fault(int status, String code, AtomicInteger remaining) {
    }

    private FaultyS3Proxy(URI backend, ServerSocket server) {
        this.backend = backend;
        this.server = server;
    }

    /** Starts a proxy on a free port of 127.0.0.1 forwarding to {@code backend} (the real server's endpoint). */
    public static FaultyS3Proxy start(URI backend) {
        try {
            FaultyS3Proxy proxy = new FaultyS3Proxy(backend, new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
            proxy.connections.submit(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the S3 fault proxy", e);
        }
    }

    /** The endpoint to give the client under test instead of the real server's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Answers the next {@code times} reads of the object with an S3 error ({@code Integer.MAX_VALUE}: always), e.g.
     * {@code 403 AccessDenied} or {@code 500 InternalError}.
     */
    public void failGets(String bucket, String key, int status, String code, int times) {
        faults.put(path(bucket, key), new Fault(status, code, new AtomicInteger(times)));
    }

    /** Runs {@code action} when the object is read, before the request reaches the server (e.g. to delete it). */
    public void beforeGet(String bucket, String key, Runnable action) {
        beforeGet.put(path(bucket, key), action);
    }

    /** How many read requests for the object arrived, retries included. */
    public int getsOf(String bucket, String key) {
        AtomicInteger count = gets.get(path(bucket, key));
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.shutdownNow();
        }
    }

    private static String path(String bucket, String key) {
        return "/" + bucket + "/" + key;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.submit(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = headText.substring(0, headText.indexOf("\r\n")).split(" ");
            String method = requestLine[0];
            String path = URI.create(requestLine[1]).getPath();
            if ("GET".equals(method) && !requestLine[1].contains("list-type") && !path.endsWith("/")) {
                gets.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                Fault fault = faults.get(path);
                if (fault != null && fault.remaining().getAndDecrement() > 0) {
                    writeError(out, fault);
                    return;
                }
                Runnable action = beforeGet.remove(path);
                if (action != null) {
                    action.run();
                }
            }
            forward(headText, in, out);
        } catch (IOException e) {
            // The client or the server went away: nothing to answer.
        }
    }

    private void forward(String head, InputStream clientIn, OutputStream clientOut) throws IOException {
        try (Socket upstream = new Socket(backend.getHost(), backend.getPort());
             InputStream upIn = upstream.getInputStream(); OutputStream upOut = upstream.getOutputStream()) {
            upOut.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            long bodyLength = contentLength(head);
            if (bodyLength > 0) {
                copy(clientIn, upOut, bodyLength);
            }
            upOut.flush();
            byte[] responseHead = readHead(upIn);
            if (responseHead == null) {
                return;
            }
            clientOut.write(withConnectionClose(new String(responseHead, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1));
            upIn.transferTo(clientOut);
            clientOut.flush();
        }
    }

    private static void writeError(OutputStream out, Fault fault) throws IOException {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + fault.code() + "</Code><Message>"
                + fault.code() + " injected by the test</Message><RequestId>fault</RequestId></Error>";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + fault.status() + " " + fault.code() + "\r\n"
                + "Content-Type: application/xml\r\n"
                + "x-amz-request-id: fault\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bodyBytes);
        out.flush();
    }

    /** The head up to and including the blank line, or null when the peer closed first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head too long");
            }
        }
        return null;
    }

    private static String withConnectionClose(String head) {
        StringBuilder result = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:") && !line.isEmpty()) {
                result.append(line).append("\r\n");
            }
        }
        return result.append("Connection: close\r\n\r\n").toString();
    }

    private static long contentLength(String head) {
        for (String line : List.of(head.split("\r\n"))) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("request body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
