package dev.roletrail.streams.report;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.roletrail.schemas.Json;

/** The weekly report as JSON: the value on the reports topic, the query API's answer and the {@code .json} file. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(WeeklyReport report) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WeeklyReport parse(String json) {
        try {
            return Json.mapper().readValue(json, WeeklyReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a weekly report: " + e.getMessage(), e);
        }
    }
}
