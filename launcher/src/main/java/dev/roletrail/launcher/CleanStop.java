package dev.roletrail.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a command cleanly on SIGTERM or Ctrl-C, with the command's own exit code. The JVM runs shutdown hooks on a
 * signal and then exits with 128 + the signal (143 for SIGTERM) whatever the main thread returns; so the hook asks the
 * command to stop, waits until it has finished closing, and halts with the code it returned: 0 for a clean stop.
 */
public final class CleanStop implements AutoCloseable {

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode;

    private CleanStop(Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exitCode);
        }, "roletrail-stop");
    }

    /** Registers {@code stop} to run on SIGTERM / Ctrl-C; it must make the command return soon. */
    public static CleanStop onSignal(Runnable stop) {
        CleanStop cleanStop = new CleanStop(stop);
        Runtime.getRuntime().addShutdownHook(cleanStop.hook);
        return cleanStop;
    }

    /** The command has finished (closed everything) with this exit code; a waiting hook exits with it. */
    public int finished(int code) {
        exitCode = code;
        finished.countDown();
        return code;
    }

    /** Without a signal, the hook is no longer needed; with one, it is running and exits with our code. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running.
        }
    }
}
