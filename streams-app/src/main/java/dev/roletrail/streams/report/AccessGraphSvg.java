package dev.roletrail.streams.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.roletrail.streams.identity.AccessEdge;

/**
 * The access graph as inline SVG: assumers in the left column, roles in the right, one curve per observed path
 * labelled with its use count and last use; cross-account paths dashed red. A two-column layout, not a force
 * layout: it is deterministic, needs no script, and stays readable when one role has many assumers. Only the
 * {@link #MAX_EDGES} most used paths are drawn; the report's tables list the rest.
 */
final class AccessGraphSvg {

    static final int MAX_EDGES = 80;
    private static final int WIDTH = 1200;
    private static final int ROW = 36;
    private static final int BOX_WIDTH = 390;
    private static final int LEFT_X = 10;
    private static final int RIGHT_X = WIDTH - BOX_WIDTH - 10;
    private static final int TOP = 30;

    private AccessGraphSvg() {
    }

    static String render(List<AccessEdge> allEdges) {
        List<AccessEdge> edges = allEdges.stream()
                .sorted(Comparator.comparingLong(AccessEdge::uses).reversed()
                        .thenComparing(AccessEdge::assumer).thenComparing(AccessEdge::role))
                .limit(MAX_EDGES).toList();
        Map<String, Integer> assumers = rows(edges.stream().map(AccessEdge::assumer).toList());
        Map<String, Integer> roles = rows(edges.stream().map(AccessEdge::role).toList());
        int height = TOP + Math.max(1, Math.max(assumers.size(), roles.size())) * ROW + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"access-graph\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\">\n")
                .append("<title>Access graph: assumers (left) to roles (right)</title>\n")
                .append("<text class=\"column\" x=\"").append(LEFT_X).append("\" y=\"18\">Assumers</text>")
                .append("<text class=\"column\" x=\"").append(RIGHT_X).append("\" y=\"18\">Roles</text>\n");
        for (int i = 0; i < edges.size(); i++) {
            AccessEdge edge = edges.get(i);
            edge(svg, edge, y(assumers.get(edge.assumer())), y(roles.get(edge.role())), labelPosition(i));
        }
        assumers.forEach((id, row) -> node(svg, "assumer", id, LEFT_X, y(row)));
        roles.forEach((id, row) -> node(svg, "role", id, RIGHT_X, y(row)));
        if (edges.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(TOP + 20)
                    .append("\" text-anchor=\"middle\">No role assumptions observed.</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** A cubic Bézier coordinate at {@code t}, from its four control coordinates. */
    private static double bezier(double t, double p0, double p1, double p2, double p3) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    private static Map<String, Integer> rows(List<String> ids) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String id : new TreeSet<>(ids)) {
            rows.put(id, rows.size());
        }
        return rows;
    }

    private static int y(int row) {
        return TOP + row * ROW + ROW / 2;
    }

    private static void node(StringBuilder svg, String kind, String id, int x, int y) {
        String label = ReportText.shorten(ReportText.shortArn(id), 52);
        svg.append("<g class=\"node ").append(kind).append("\" data-id=\"").append(HtmlText.escape(id)).append("\">")
                .append("<title>").append(HtmlText.escape(id)).append("</title>")
                .append("<rect x=\"").append(x).append("\" y=\"").append(y - 13).append("\" width=\"")
                .append(BOX_WIDTH).append("\" height=\"26\" rx=\"5\"/>")
                .append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 5).append("\">")
                .append(HtmlText.escape(label)).append("</text></g>\n");
    }

    /**
     * Where along its curve (0 to 1) an edge's label sits: spread by the golden ratio, so labels of edges that cross
     * or share an end rarely land on each other.
     */
    private static double labelPosition(int index) {
        double spread = (index * 0.618_034) % 1.0;
        return 0.25 + 0.5 * spread;
    }

    private static void edge(StringBuilder svg, AccessEdge edge, int fromY, int toY, double t) {
        int fromX = LEFT_X + BOX_WIDTH;
        int toX = RIGHT_X;
        int midX = (fromX + toX) / 2;
        String label = edge.uses() + "× · last " + ReportText.day(edge.lastUsed());
        svg.append("<g class=\"edge").append(edge.crossAccount() ? " cross-account" : "").append("\" id=\"g-")
                .append(ReportText.edgeId(edge.assumer(), edge.role())).append("\" data-assumer=\"")
                .append(HtmlText.escape(edge.assumer())).append("\" data-role=\"").append(HtmlText.escape(edge.role()))
                .append("\">")
                .append("<title>").append(HtmlText.escape(edge.assumer() + " → " + edge.role() + " ("
                        + (edge.how() == null ? "" : edge.how() + ", ") + label + ")")).append("</title>")
                .append("<path d=\"M").append(fromX).append(',').append(fromY).append(" C").append(midX).append(',')
                .append(fromY).append(' ').append(midX).append(',').append(toY).append(' ').append(toX).append(',')
                .append(toY).append("\"/>")
                .append("<text x=\"").append(Math.round(bezier(t, fromX, midX, midX, toX)))
                .append("\" y=\"").append(Math.round(bezier(t, fromY, fromY, toY, toY)) - 4)
                .append("\" text-anchor=\"middle\">").append(HtmlText.escape(label)).append("</text></g>\n");
    }
}
