package dev.roletrail.testkit;

import dev.roletrail.embedded.EmbeddedS3Server;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestS3} into test constructors, lifecycle and test methods. One in-memory S3 server serves the
 * whole JVM: it starts when first asked for and closes when the test run ends.
 */
public final class S3ServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3ServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestS3.class;
    }

    @Override
    public TestS3 resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives as long as the test run and closes its AutoCloseable values at the end.
        return context.getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(SharedS3.class, key -> new SharedS3(new TestS3(EmbeddedS3Server.start())), SharedS3.class)
            .s3();
    }

    /** Owns the shared server, so that tests get a {@link TestS3} they cannot close. */
    private record SharedS3(TestS3 s3) implements AutoCloseable {

        @Override
        public void close() {
            s3.close();
        }
    }
}
