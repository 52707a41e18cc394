package dev.roletrail.streams.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.streams.state.HostInfo;

import com.sun.net.httpserver.HttpServer;

/**
 * The query API's HTTP server (the JDK's own). It binds before Kafka Streams is created, so a free port chosen by
 * the system ({@code query.port=0}) is known in time for {@code application.server}; handlers come after, since they
 * need the running app. A small fixed pool: queries are short, and forwarding between instances must not starve.
 */
public final class QueryServer implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;
    private final QueryConfig config;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "roletrail-query");
        thread.setDaemon(true);
        return thread;
    });

    private QueryServer(HttpServer server, QueryConfig config) {
        this.server = server;
        this.config = config;
    }

    public static QueryServer bind(QueryConfig config) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 64);
            return new QueryServer(server, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bind().getHostAddress() + ":" + config.port()
                    + " (setting query.port): " + e.getMessage(), e);
        }
    }

    /** What other instances use to reach this one: {@code application.server}. */
    public HostInfo advertised() {
        return new HostInfo(config.advertisedHost(), server.getAddress().getPort());
    }

    public URI uri() {
        return URI.create("http://" + advertised().host() + ":" + advertised().port() + "/");
    }

    public void start(Queries queries) {
        server.createContext("/", new QueryHandler(queries, config.token()));
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
