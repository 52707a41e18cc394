package dev.roletrail.streams;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.streams.config.InputPartitions;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.identity.HeldEvents;
import dev.roletrail.streams.query.ClusterQueries;
import dev.roletrail.streams.query.QueryConfig;
import dev.roletrail.streams.query.QueryServer;
import dev.roletrail.streams.report.ReportPublisher;
import dev.roletrail.streams.report.ReportSettings;
import dev.roletrail.streams.report.WeeklyReportJob;
import dev.roletrail.streams.state.IncompleteStores;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.EndOfInput;

/**
 * Runs the RoleTrail topology: start, state, and a bounded, clean close. {@link #withQueryApi} adds the query API
 * (its address becomes {@code application.server}, so instances find each other) and the weekly report job.
 * <p>
 * A one-off analysis running this app in the same JVM as ingest ends it so: once ingest is done and the app's
 * consumer group has no lag, {@link #endOfInput()}; then wait until {@link #heldEvents()} is 0, then until the group
 * has no lag and {@link #settled()}, twice in a row (the findings step's last evaluation travels through a
 * repartition topic and the findings topic, and runs in chunks after the records that started it were committed);
 * then alerts and findings reflect the whole input.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final KafkaStreams streams;
    private final QueryServer query;
    private final ClusterQueries queries;
    private final ReportPublisher publisher;
    private final WeeklyReportJob reportJob;
    private final QueryConfig queryConfig;
    private final EndOfInput endOfInput = new EndOfInput();

    /** The topology alone, without the query API (tests, benchmarks). */
    public StreamsApp(StreamsAppConfig config) {
        this(config, null);
    }

    private StreamsApp(StreamsAppConfig given, QueryConfig queryConfig) {
        StreamsAppConfig config = InputPartitions.resolve(given);
        // Before Kafka Streams opens the stores it finds: one a crash left incomplete would stop it from starting.
        IncompleteStores.deleteIn(config.stateDir().resolve(config.applicationId())).forEach(deleted -> LOG.warn(
                "local state of task {} was left incomplete by a crash ({}): deleted, restored from its changelogs",
                deleted.task(), deleted.store()));
        this.queryConfig = queryConfig;
        Properties props = config.streamsProperties();
        this.query = queryConfig == null ? null : QueryServer.bind(queryConfig);
        if (query != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, query.advertised().host() + ":" + query.advertised().port());
        }
        this.streams = newStreams(config, props, query, endOfInput);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("streams state {} -> {}", before, now));
        if (query == null) {
            this.queries = null;
            this.publisher = null;
            this.reportJob = null;
        } else {
            this.queries = new ClusterQueries(streams, query.advertised(), queryConfig.token(), Clock.systemUTC(),
                    ReportSettings.from(config.settings()));
            this.publisher = new ReportPublisher(config.kafka(), config.topics().reports());
            this.reportJob = new WeeklyReportJob(Clock.systemUTC(),
                    week -> queries.published(week).isEmpty() && queries.leadsReportOf(week),
                    queries::reports, publisher::publish);
        }
    }

    /** Kafka Streams itself; a failure to create it releases the query API's port already bound. */
    private static KafkaStreams newStreams(StreamsAppConfig config, Properties props, QueryServer query,
            EndOfInput endOfInput) {
        try {
            return new KafkaStreams(RoleTrailTopology.build(config, Clock.systemUTC(), endOfInput), props);
        } catch (RuntimeException e) {
            if (query != null) {
                query.close();
            }
            throw e;
        }
    }

    /** With the query API on {@code query.bind}:{@code query.port} and the weekly report job. */
    public static StreamsApp withQueryApi(StreamsAppConfig config) {
        return new StreamsApp(config, QueryConfig.from(config.settings()));
    }

    public void start() {
        streams.start();
        if (query != null) {
            query.start(queries);
            reportJob.start(queryConfig.reportInterval());
            LOG.info("query API at {} ({})", query.uri(), queryConfig);
        }
    }

    /**
     * The input has ended: no record will come any more. Within about a second (each task's wall-clock check), every
     * call held for a session goes on without lineage, however short its hold so far, since no session can arrive;
     * each task sends the findings step its stream time, and the findings step evaluates through the day boundary
     * after the newest data. Records that still come are handled at once, without waiting. It cannot be undone.
     */
    public void endOfInput() {
        endOfInput.signal();
    }

    /**
     * Events this instance still holds for their session, over every local task's {@code held-events} store (released
     * markers count none); 0 when nothing is held. Reads uncommitted state, so it drops as soon as calls are released.
     *
     * @throws InvalidStateStoreException while the stores are not queryable (starting, rebalancing): ask again
     */
    public long heldEvents() {
        return HeldEvents.count(streams.store(StoreQueryParameters.fromNameAndType(StoreNames.HELD_EVENTS,
                QueryableStoreTypes.<String, HeldEvents>keyValueStore())));
    }

    /**
     * After {@link #endOfInput()}: whether this instance has nothing left to do that no record shows: in the findings
     * step no evaluation pass in progress, no signal waiting for one, no latest use waiting to go out; in the
     * suppression step no end-of-input summary of repeats still to send. Without lag in the consumer group before and
     * after, its findings and alerts are final. Several instances: each must say so.
     */
    public boolean settled() {
        return endOfInput.settled();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The query API's base URL, when it runs. */
    public Optional<URI> queryUri() {
        return Optional.ofNullable(query).map(QueryServer::uri);
    }

    /** The queries behind the API, when it runs (the demo builds its report with them). */
    public Optional<ClusterQueries> queries() {
        return Optional.ofNullable(queries);
    }

    @Override
    public void close() {
        if (query != null) {
            reportJob.close();
            query.close();
        }
        streams.close(Duration.ofSeconds(30));
        if (publisher != null) {
            publisher.close();
        }
    }
}
