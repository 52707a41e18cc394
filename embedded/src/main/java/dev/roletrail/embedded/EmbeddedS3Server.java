package dev.roletrail.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible HTTP server in this JVM (S3Proxy) on a free port of 127.0.0.1, path-style addressing, requests
 * signed with AWS signature V4 using {@link #accessKey()} and {@link #secretKey()}. Objects live in memory, or in a
 * directory (one sub-directory per bucket) when started with one.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);

    private static final String HOST = "127.0.0.1";
    private static final String ACCESS_KEY = "roletrail-local";
    private static final String SECRET_KEY = "roletrail-local-secret";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;

    private EmbeddedS3Server(S3Proxy proxy, BlobStore store, URI endpoint) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
    }

    /** Starts a server keeping objects in memory; they are gone after {@link #close()}. */
    public static EmbeddedS3Server start() {
        return start(new TransientNio2BlobStore(), "memory");
    }

    /** Starts a server keeping buckets and objects as directories and files under {@code dir}, which survive. */
    public static EmbeddedS3Server start(Path dir) {
        Path baseDir = dir.toAbsolutePath();
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create S3 storage directory " + baseDir, e);
        }
        return start(new FilesystemNio2BlobStore(baseDir.toString()), baseDir.toString());
    }

    private static EmbeddedS3Server start(BlobStore store, String storageDescription) {
        long started = System.nanoTime();
        S3Proxy proxy = S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://" + HOST + ":0"))
            .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
            // The AWS SDK sends headers S3Proxy does not model (checksum algorithm, SDK invocation id);
            // without this they are refused with NotImplemented.
            .ignoreUnknownHeaders(true)
            // Jetty would otherwise wait up to 30 s for idle keep-alive connections of clients on close.
            .stopTimeout(0)
            .build();
        try {
            proxy.start();
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("Could not start the S3 server", e);
        }
        URI endpoint = URI.create("http://" + HOST + ":" + proxy.getPort());
        log.info("S3 server started in {} ms at {} (storage: {})",
            Duration.ofNanos(System.nanoTime() - started).toMillis(), endpoint, storageDescription);
        return new EmbeddedS3Server(proxy, store, endpoint);
    }

    /** The base URI for {@code endpointOverride}; buckets are addressed path-style below it. */
    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** Stops serving; in-memory objects are dropped, a storage directory stays. */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the S3 server at " + endpoint, e);
        } finally {
            store.close();
        }
        log.info("S3 server at {} stopped in {} ms", endpoint, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
