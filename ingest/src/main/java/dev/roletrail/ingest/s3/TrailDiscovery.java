package dev.roletrail.ingest.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Finds the account and region streams of a trail bucket: below {@code AWSLogs/} an organisation id
 * ({@code o-...}, then accounts) or accounts directly, then {@code <account>/CloudTrail/<region>/}. Digest, Insights and
 * other folders are not streams. The accounts' region folders are listed in parallel.
 */
final class TrailDiscovery {

    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");

    private final S3Lister lister;
    private final ExecutorService pool;

    TrailDiscovery(S3Lister lister, ExecutorService pool) {
        this.lister = lister;
        this.pool = pool;
    }

    List<TrailStream> discover(TrailSelection selection) throws InterruptedException {
        List<String> accountPrefixes = new ArrayList<>();
        for (String child : lister.childPrefixes(selection.bucket(), selection.logsPrefix())) {
            String name = lastSegment(child);
            if (ORGANIZATION.matcher(name).matches()) {
                for (String account : lister.childPrefixes(selection.bucket(), child)) {
                    addIfWanted(selection, account, accountPrefixes);
                }
            } else {
                addIfWanted(selection, child, accountPrefixes);
            }
        }
        List<Future<List<TrailStream>>> regionLists = new ArrayList<>();
        for (String accountPrefix : accountPrefixes) {
            regionLists.add(pool.submit(() -> regions(selection, accountPrefix)));
        }
        List<TrailStream> streams = new ArrayList<>();
        for (Future<List<TrailStream>> regions : regionLists) {
            streams.addAll(join(regions));
        }
        streams.sort(Comparator.comparing(TrailStream::prefix));
        return streams;
    }

    private List<TrailStream> regions(TrailSelection selection, String accountPrefix) {
        String account = lastSegment(accountPrefix);
        List<TrailStream> streams = new ArrayList<>();
        for (String regionPrefix : lister.childPrefixes(selection.bucket(), accountPrefix + "CloudTrail/")) {
            String region = lastSegment(regionPrefix);
            if (REGION.matcher(region).matches() && selection.wantsRegion(region)) {
                streams.add(new TrailStream(regionPrefix, account, region));
            }
        }
        return streams;
    }

    private static void addIfWanted(TrailSelection selection, String accountPrefix, List<String> accountPrefixes) {
        String account = lastSegment(accountPrefix);
        if (ACCOUNT.matcher(account).matches() && selection.wantsAccount(account)) {
            accountPrefixes.add(accountPrefix);
        }
    }

    /** {@code a/b/c/} → {@code c}. */
    private static String lastSegment(String prefix) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static <T> T join(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
