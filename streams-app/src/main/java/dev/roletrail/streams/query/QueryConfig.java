package dev.roletrail.streams.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * Settings of the query API and of the weekly report job ({@code query.*}, {@code report.*}).
 *
 * @param bind            address the HTTP server listens on; loopback by default
 * @param port            its port; 0 picks a free one (tests, the demo)
 * @param advertisedHost  the host other instances reach this one at ({@code application.server})
 * @param token           bearer token every request must carry, or null; required when {@code bind} is not loopback
 * @param alertsRetention how much event time of alerts the recent-alerts store keeps
 * @param reportInterval  how often (wall clock) the report job checks whether last week's report is out
 */
public record QueryConfig(InetAddress bind, int port, String advertisedHost, String token, Duration alertsRetention,
        Duration reportInterval) {

    public static final int DEFAULT_PORT = 8480;

    public QueryConfig {
        if (!bind.isLoopbackAddress() && (token == null || token.isBlank())) {
            throw new InvalidConfigException("query.token is required when query.bind (" + bind.getHostAddress()
                    + ") is not a loopback address");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidConfigException("query.port must be between 0 and 65535, was " + port);
        }
        if (token != null && token.length() < 16) {
            throw new InvalidConfigException("query.token must be at least 16 characters");
        }
    }

    public static QueryConfig from(Settings settings) {
        String bindText = settings.string("query.bind", "127.0.0.1");
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindText);
        } catch (UnknownHostException e) {
            throw new InvalidConfigException("query.bind is not an address: '" + bindText + "'");
        }
        String advertised = settings.string("query.advertised-host",
                bind.isAnyLocalAddress() ? localHostName() : bind.getHostAddress());
        return new QueryConfig(bind, settings.integer("query.port", DEFAULT_PORT, 0, 65_535), advertised,
                settings.string("query.token", null),
                settings.duration("query.alerts-retention", Duration.ofDays(35), Duration.ofDays(1),
                        Duration.ofDays(366)),
                settings.duration("report.check-interval", Duration.ofHours(1), Duration.ofSeconds(1),
                        Duration.ofDays(1)));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "QueryConfig[bind=" + bind.getHostAddress() + ", port=" + port + ", advertisedHost=" + advertisedHost
                + ", token=" + (token == null ? "none" : "set") + "]";
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            throw new InvalidConfigException("query.advertised-host is required: the local host name is unknown");
        }
    }
}
