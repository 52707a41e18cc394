package dev.roletrail.streams;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.query.ClusterQueries;
import dev.roletrail.streams.query.QueryConfig;
import dev.roletrail.streams.query.QueryServer;
import dev.roletrail.streams.report.ReportPublisher;
import dev.roletrail.streams.report.WeeklyReportJob;

/**
 * Runs the RoleTrail topology: start, state, and a bounded, clean close. {@link #withQueryApi} adds the query API
 * (its address becomes {@code application.server}, so instances find each other) and the weekly report job.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final KafkaStreams streams;
    private final QueryServer query;
    private final ClusterQueries queries;
    private final ReportPublisher publisher;
    private final WeeklyReportJob reportJob;
    private final QueryConfig queryConfig;

    /** The topology alone, without the query API (tests, benchmarks). */
    public StreamsApp(StreamsAppConfig config) {
        this(config, null);
    }

    private StreamsApp(StreamsAppConfig config, QueryConfig queryConfig) {
        this.queryConfig = queryConfig;
        Properties props = config.streamsProperties();
        this.query = queryConfig == null ? null : QueryServer.bind(queryConfig);
        if (query != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, query.advertised().host() + ":" + query.advertised().port());
        }
        this.streams = newStreams(config, props, query);
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
            this.queries = new ClusterQueries(streams, query.advertised(), queryConfig.token(), Clock.systemUTC());
            this.publisher = new ReportPublisher(config.kafka(), config.topics().reports());
            this.reportJob = new WeeklyReportJob(Clock.systemUTC(),
                    week -> queries.published(week).isEmpty() && queries.leadsReportOf(week),
                    queries::reports, publisher::publish);
        }
    }

    /** Kafka Streams itself; a failure to create it releases the query API's port already bound. */
    private static KafkaStreams newStreams(StreamsAppConfig config, Properties props, QueryServer query) {
        try {
            return new KafkaStreams(RoleTrailTopology.build(config), props);
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
