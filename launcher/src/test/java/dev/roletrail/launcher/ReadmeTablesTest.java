package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.RoleTrailTopology;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.query.QueryConfig;

/**
 * The README's configuration and detector tables against the code. The settings the code knows are the ones its
 * config classes, the topology (every detector) and the commands ask for, with the defaults they give
 * ({@link Settings#reportingReadsTo}); the detectors are {@link DetectorCatalog#ALL}.
 *
 * <p>README conventions this relies on: a configuration row names one or more settings in backticks, separated by
 * {@code /} (a name starting with {@code .} replaces the last part of the one before), and its defaults in the same
 * order; a default cell with backticked values must contain the default (for a list, each value shown must be in
 * it), {@code —} means none, and plain words describe a default worked out at run time. {@code <id>} stands for every
 * detector id. A detector row has its id, the base severity as the first word of the severity cell, the ATT&CK ids
 * in the catalogue's order, and its own settings as {@code `.name` (default)}.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern DETECTOR_SETTING = Pattern.compile("`([^`]+)`(?:\\s*\\(([^)]*)\\))?");
    private static final String NONE = "—";

    /** Every setting the code reads, with the defaults it gave (a setting read in two places may give two). */
    private static Map<String, List<Object>> known;
    private static List<String> readme;
    private static Set<String> detectorIds;

    @BeforeAll
    static void readCodeAndReadme() throws IOException {
        Map<String, List<Object>> reads = new TreeMap<>();
        Settings settings = Settings.of(Map.of("ingest.s3.bucket", "trail-bucket"))
                .reportingReadsTo(read -> {
                    List<Object> defaults = reads.computeIfAbsent(read.name(), n -> new ArrayList<>());
                    if (!defaults.contains(read.defaultValue())) {
                        defaults.add(read.defaultValue());
                    }
                });
        StreamsAppConfig streams = StreamsAppConfig.from(settings);
        RoleTrailTopology.build(streams);
        QueryConfig.from(settings);
        IngestConfig.from(settings);
        IngestSession.inventoryLocations(settings);
        TopicSetup.Creation.from(settings);
        ReportCommand.Where.from(settings);
        known = reads;
        readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        detectorIds = DetectorCatalog.ALL.stream().map(DetectorInfo::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldListEverySettingTheCodeReadsWithItsDefaultAndNoOther() {
        Map<String, String> table = configurationTable();
        Map<String, Map<String, String>> detectorSettings = new LinkedHashMap<>();
        detectorRows().forEach((id, cells) -> detectorSettings.put(id, ownSettings(id, cells.get(4))));
        List<String> problems = new ArrayList<>();

        known.forEach((name, defaults) -> {
            String cell = rowFor(table, name);
            String detector = detectorOf(name);
            boolean inDetectorRow = cell == null && detector != null;
            if (inDetectorRow) {
                cell = detectorSettings.getOrDefault(detector, Map.of()).get(name);
                if (cell == null) {
                    problems.add(name + ": read by the code, missing from the configuration table and from the "
                            + detector + " row of the detector table");
                    return;
                }
            }
            if (cell == null) {
                problems.add(name + ": read by the code, missing from the configuration table");
                return;
            }
            for (Object defaultValue : defaults) {
                if (!shows(cell, defaultValue, inDetectorRow)) {
                    problems.add(name + ": the README gives the default '" + cell + "', the code " + show(defaultValue));
                }
            }
        });
        for (String name : table.keySet()) {
            boolean pointer = name.contains("<parameter>");
            boolean passedToKafka = name.startsWith(Settings.KAFKA_PREFIX);
            boolean read = known.keySet().stream().anyMatch(k -> names(name, k));
            if (!pointer && !passedToKafka && !read) {
                problems.add(name + ": in the configuration table, but no code reads it");
            }
        }
        detectorSettings.forEach((id, own) -> own.keySet().stream().filter(name -> !known.containsKey(name))
                .forEach(name -> problems.add(name + ": in the " + id + " row of the detector table, but no code reads it")));

        assertThat(problems).as("README.md's tables against the code").isEmpty();
    }

    @Test
    void shouldListEveryDetectorOfTheCatalogueAsItIs() {
        Map<String, List<String>> rows = detectorRows();
        List<String> problems = new ArrayList<>();
        for (DetectorInfo info : DetectorCatalog.ALL) {
            List<String> cells = rows.get(info.id());
            if (cells == null) {
                problems.add(info.id() + ": in DetectorCatalog, missing from the detector table");
                continue;
            }
            String severity = cells.get(2).split("[^A-Z]", 2)[0];
            if (!severity.equals(info.severity().name())) {
                problems.add(info.id() + ": the severity cell starts with '" + severity + "', the catalogue says "
                        + info.severity());
            }
            List<String> attack = Arrays.stream(cells.get(3).split(",")).map(String::trim).toList();
            if (!attack.equals(info.attack())) {
                problems.add(info.id() + ": ATT&CK " + attack + " in the README, " + info.attack() + " in the catalogue");
            }
        }
        rows.keySet().stream().filter(id -> !detectorIds.contains(id))
                .forEach(id -> problems.add(id + ": in the detector table, but not in DetectorCatalog"));

        assertThat(problems).as("README.md's detector table against DetectorCatalog").isEmpty();
    }

    /** Setting name (or pattern with {@code <id>}) → its default cell. */
    private static Map<String, String> configurationTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (List<String> cells : rows("## Configuration")) {
            List<String> names = names(cells.get(0));
            List<String> defaults = List.of(cells.get(1).split(" / "));
            for (int i = 0; i < names.size(); i++) {
                table.put(names.get(i), defaults.size() == names.size() ? defaults.get(i).trim() : cells.get(1));
            }
        }
        assertThat(table).as("the configuration table under ## Configuration").isNotEmpty();
        return table;
    }

    /** Detector id → its cells (id, fires when, severity, ATT&CK, settings). */
    private static Map<String, List<String>> detectorRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> cells : rows("## Detectors")) {
            List<String> id = names(cells.get(0));
            assertThat(rows.put(id.get(0), cells)).as("detector " + id.get(0) + " listed twice").isNull();
        }
        assertThat(rows).as("the detector table under ## Detectors").isNotEmpty();
        return rows;
    }

    /** A detector row's settings: full setting name → the default shown in brackets (or null). */
    private static Map<String, String> ownSettings(String id, String cell) {
        Map<String, String> own = new LinkedHashMap<>();
        Matcher m = DETECTOR_SETTING.matcher(cell);
        while (m.find()) {
            String name = m.group(1).startsWith(".") ? "detector." + id + m.group(1) : m.group(1);
            own.put(name, m.group(2) == null ? NONE : m.group(2).trim());
        }
        return own;
    }

    /** The body rows of the first table after a heading, as trimmed cells. */
    private static List<List<String>> rows(String heading) {
        int at = readme.indexOf(heading);
        assertThat(at).as("README heading " + heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.subList(at + 1, readme.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::trim).toList();
                if (cells.get(0).startsWith("`")) {
                    rows.add(cells);
                }
            } else if (inTable || line.startsWith("## ")) {
                break;
            }
        }
        return rows;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        for (String name : ticked(cell)) {
            if (name.startsWith(".") && !names.isEmpty()) {
                String before = names.get(names.size() - 1);
                name = before.substring(0, before.lastIndexOf('.')) + name;
            }
            names.add(name);
        }
        return names;
    }

    private static String rowFor(Map<String, String> table, String name) {
        return table.entrySet().stream().filter(e -> names(e.getKey(), name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** Whether a table name (maybe with {@code <id>}) names this setting. */
    private static boolean names(String tableName, String name) {
        if (!tableName.contains("<id>")) {
            return tableName.equals(name);
        }
        return detectorIds.stream().anyMatch(id -> tableName.replace("<id>", id).equals(name));
    }

    private static String detectorOf(String name) {
        return detectorIds.stream().filter(id -> name.startsWith("detector." + id + ".")).findFirst().orElse(null);
    }

    /**
     * Whether a default cell shows this default (see the class comment for the conventions); in a detector row the
     * default in brackets may be plain text ({@code (10m)}).
     */
    private static boolean shows(String cell, Object defaultValue, boolean plainIsValue) {
        boolean empty = defaultValue == null || "".equals(defaultValue)
                || defaultValue instanceof List<?> list && list.isEmpty();
        List<String> values = ticked(cell);
        if (values.isEmpty()) {
            if (cell.equals(NONE)) {
                return empty;
            }
            if (!plainIsValue) {
                return true; // a default described in words (all, off, the bind address): worked out at run time
            }
            values = List.of(cell.split(",\\s*"));
        }
        if (empty) {
            return false;
        }
        if (defaultValue instanceof List<?> list) {
            return values.stream().filter(v -> !v.equals("…")).allMatch(list::contains);
        }
        return values.stream().anyMatch(v -> same(v, defaultValue));
    }

    private static boolean same(String text, Object defaultValue) {
        try {
            if (defaultValue instanceof Duration duration) {
                return Settings.of(Map.of("d", text)).duration("d", Duration.ZERO, Duration.ZERO,
                        Duration.ofDays(100_000)).equals(duration);
            }
            if (defaultValue instanceof Long || defaultValue instanceof Integer) {
                return Long.parseLong(text) == ((Number) defaultValue).longValue();
            }
            if (defaultValue instanceof Double d) {
                return Double.parseDouble(text) == d;
            }
            if (defaultValue instanceof Boolean b) {
                return text.equals(b.toString());
            }
        } catch (InvalidConfigException | NumberFormatException e) {
            return false;
        }
        if (text.contains("$TMPDIR")) {
            Path shown = Path.of(text.replace("$TMPDIR", System.getProperty("java.io.tmpdir")));
            return shown.normalize().equals(Path.of(defaultValue.toString()).normalize());
        }
        return text.equals(Objects.toString(defaultValue));
    }

    private static List<String> ticked(String cell) {
        List<String> values = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String show(Object defaultValue) {
        return defaultValue == null ? "has none" : "has " + defaultValue + " (" + defaultValue.getClass().getSimpleName() + ")";
    }
}
