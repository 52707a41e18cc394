package dev.roletrail.launcher.report;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.roletrail.streams.query.ApiError;
import dev.roletrail.streams.query.DataSpan;
import dev.roletrail.streams.query.QueryClient;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.WeeklyReport;

/**
 * Fetches a week's reports from a running streams app's query API ({@code GET /reports/<week>}): the published ones,
 * or, for a week not published yet, built there and then from the live state of every instance.
 */
public final class QueryApiReports {

    private final URI base;
    private final QueryClient client;

    /** @param token the query API's bearer token, or null */
    public QueryApiReports(URI base, String token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.client = new QueryClient(token, Duration.ofMinutes(2));
    }

    public List<WeeklyReport> fetch(IsoWeek week) {
        try {
            return client.get(base.resolve("reports/" + week), new TypeReference<List<WeeklyReport>>() { });
        } catch (ApiError e) {
            throw failed(e);
        }
    }

    /** The event time the app's data covers ({@code GET /data-span}); empty when it has seen no event yet. */
    public Optional<DataSpan> dataSpan() {
        try {
            return Optional.of(client.get(base.resolve("data-span"), new TypeReference<DataSpan>() { }));
        } catch (ApiError e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw failed(e);
        }
    }

    private IllegalStateException failed(ApiError e) {
        return new IllegalStateException("the query API at " + base + " (setting report.query-url) answered "
                + e.status() + ": " + e.getMessage(), e);
    }
}
