package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkShape;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.roletrail.streams.profile.AccessEdge;

/**
 * The access graph as inline SVG, laid out by Eclipse ELK's layered algorithm (no OSGi: an in-memory ElkGraph and
 * {@link RecursiveGraphLayoutEngine}): assumers on the left, roles on the right, grouped in one box per account
 * (ELK compound nodes; web-identity and other outside assumers sit outside any box). Node and edge-label sizes are
 * estimated from their text, so ELK's label placement keeps labels off each other and off nodes. Each edge is
 * labelled with its use count and last use; new this week, cross-account and alerted paths are styled apart.
 * A graph of more than {@link #COLLAPSE_ABOVE} paths keeps the {@link #COLLAPSE_ABOVE} most used (alerted ones
 * first) and folds the rest of each drawn assumer's paths into one "N more" edge; the tables list every path.
 */
final class AccessGraphSvg {

    static final int COLLAPSE_ABOVE = 60;
    static final int MAX_LABEL = 52;
    /** Estimated advance per character: node text is 12 px monospace, edge labels 11 px sans-serif. */
    private static final double NODE_CHAR = 7.4;
    private static final double LABEL_CHAR = 6.4;
    private static final double NODE_HEIGHT = 24;
    private static final double LABEL_HEIGHT = 14;
    private static final double GROUP_TOP = 26;
    /** On screen the graph shrinks to fit the page down to this scale, and scrolls sideways beyond it. */
    private static final double MIN_SCALE = 0.65;

    private AccessGraphSvg() {
    }

    /** An axis-aligned box in SVG coordinates. */
    record Box(double x, double y, double width, double height) {
        boolean intersects(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /** A node as drawn: kind is assumer, role or more; id the full name ("" for a "more" node). */
    record Node(String kind, String id, String text, String href, Box box) {
    }

    /**
     * An edge as drawn, its polyline in absolute coordinates and its label box: an observed path, or (path null)
     * the {@code more} paths of its assumer that are not drawn.
     */
    record Edge(String assumer, AccessEdge path, int more, boolean isNew, boolean alerted, List<double[]> points,
            String label, Box labelBox) {
        Edge {
            points = List.copyOf(points);
        }
    }

    /** An account's box with its label. */
    record Group(String account, Box box) {
        Box labelBox() {
            return new Box(box.x() + 6, box.y() + 4, ("account " + account).length() * NODE_CHAR, 16);
        }
    }

    /** The laid-out graph: what {@link #svg(Layout)} draws and what tests measure. */
    record Layout(double width, double height, List<Group> groups, List<Node> nodes, List<Edge> edges,
            int total, int collapsed) {
        Layout {
            groups = List.copyOf(groups);
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    static String render(List<AccessEdge> edges, Instant weekStart, Set<String> alertedEdgeIds) {
        return svg(layout(edges, weekStart, alertedEdgeIds));
    }

    static Layout layout(List<AccessEdge> allEdges, Instant weekStart, Set<String> alertedEdgeIds) {
        Comparator<AccessEdge> order = Comparator
                .comparing((AccessEdge e) -> !alertedEdgeIds.contains(ReportText.edgeId(e.assumer(), e.role())))
                .thenComparing(Comparator.comparingLong(AccessEdge::uses).reversed())
                .thenComparing(AccessEdge::assumer).thenComparing(AccessEdge::role);
        List<AccessEdge> sorted = allEdges.stream().sorted(order).toList();
        List<AccessEdge> drawn = sorted.size() > COLLAPSE_ABOVE ? sorted.subList(0, COLLAPSE_ABOVE) : sorted;
        Map<String, Integer> moreOf = new TreeMap<>();
        Set<String> drawnAssumers = new HashSet<>();
        drawn.forEach(e -> drawnAssumers.add(e.assumer()));
        int collapsed = 0;
        for (AccessEdge e : sorted.subList(drawn.size(), sorted.size())) {
            if (drawnAssumers.contains(e.assumer())) {
                moreOf.merge(e.assumer(), 1, Integer::sum);
            }
            collapsed++;
        }

        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 12.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 3.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 4.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 24.0);

        Map<String, ElkNode> groups = new TreeMap<>();
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<ElkNode, Node> drawnNodes = new LinkedHashMap<>();
        Map<String, String> firstRow = new LinkedHashMap<>();
        drawn.forEach(e -> {
            firstRow.putIfAbsent("assumer " + e.assumer(), ReportText.edgeId(e.assumer(), e.role()));
            firstRow.putIfAbsent("role " + e.role(), ReportText.edgeId(e.assumer(), e.role()));
        });
        Map<ElkEdge, Edge> drawnEdges = new LinkedHashMap<>();
        for (AccessEdge e : drawn) {
            ElkNode from = node(root, groups, nodes, drawnNodes, "assumer", e.assumer(), firstRow);
            ElkNode to = node(root, groups, nodes, drawnNodes, "role", e.role(), firstRow);
            String label = e.uses() + "× · last " + ReportText.day(e.lastUsed());
            ElkEdge edge = edge(from, to, label);
            drawnEdges.put(edge, new Edge(e.assumer(), e, 0, !e.firstUsed().isBefore(weekStart),
                    alertedEdgeIds.contains(ReportText.edgeId(e.assumer(), e.role())), List.of(), label, null));
        }
        moreOf.forEach((assumer, n) -> {
            ElkNode from = nodes.get("assumer " + assumer);
            ElkNode stub = ElkGraphUtil.createNode(from.getParent());
            String text = n + " more role" + (n == 1 ? "" : "s");
            stub.setDimensions(text.length() * NODE_CHAR + 16, NODE_HEIGHT);
            drawnNodes.put(stub, new Node("more", "", text, "#edges-table", null));
            ElkEdge edge = edge(from, stub, n + " more");
            drawnEdges.put(edge, new Edge(assumer, null, n, false, false, List.of(), n + " more", null));
        });

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Group> groupsDrawn = new ArrayList<>();
        groups.forEach((account, g) -> groupsDrawn.add(new Group(account, box(g))));
        List<Node> nodesDrawn = new ArrayList<>();
        drawnNodes.forEach((n, d) -> nodesDrawn.add(new Node(d.kind(), d.id(), d.text(), d.href(), box(n))));
        List<Edge> edgesDrawn = new ArrayList<>();
        drawnEdges.forEach((elk, d) -> {
            KVector offset = origin(elk.getContainingNode());
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : elk.getSections()) {
                points.add(new double[] {offset.x + s.getStartX(), offset.y + s.getStartY()});
                s.getBendPoints().forEach(b -> points.add(new double[] {offset.x + b.getX(), offset.y + b.getY()}));
                points.add(new double[] {offset.x + s.getEndX(), offset.y + s.getEndY()});
            }
            ElkLabel l = elk.getLabels().get(0);
            Box labelBox = new Box(offset.x + l.getX(), offset.y + l.getY(), l.getWidth(), l.getHeight());
            edgesDrawn.add(new Edge(d.assumer(), d.path(), d.more(), d.isNew(), d.alerted(), points, d.label(),
                    labelBox));
        });
        return new Layout(root.getWidth(), Math.max(root.getHeight(), 40), groupsDrawn, nodesDrawn, edgesDrawn,
                allEdges.size(), collapsed);
    }

    private static ElkNode node(ElkNode root, Map<String, ElkNode> groups, Map<String, ElkNode> nodes,
            Map<ElkNode, Node> drawn, String kind, String id, Map<String, String> firstRow) {
        return nodes.computeIfAbsent(kind + " " + id, key -> {
            String account = account(id);
            ElkNode parent = account == null ? root : groups.computeIfAbsent(account, a -> group(root, a));
            ElkNode n = ElkGraphUtil.createNode(parent);
            String text = abbreviate(id, MAX_LABEL);
            n.setDimensions(text.length() * NODE_CHAR + 16, NODE_HEIGHT);
            drawn.put(n, new Node(kind, id, text, "#" + firstRow.get(key), null));
            return n;
        });
    }

    private static ElkNode group(ElkNode root, String account) {
        ElkNode g = ElkGraphUtil.createNode(root);
        g.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TOP, 10, 10, 10));
        g.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        g.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(("account " + account).length() * NODE_CHAR + 20, 40));
        return g;
    }

    private static ElkEdge edge(ElkNode from, ElkNode to, String label) {
        ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
        ElkLabel l = ElkGraphUtil.createLabel(label, edge);
        l.setDimensions(label.length() * LABEL_CHAR + 4, LABEL_HEIGHT);
        return edge;
    }

    private static Box box(ElkShape shape) {
        KVector o = shape instanceof ElkNode n && n.getParent() != null ? origin(n.getParent()) : new KVector();
        return new Box(o.x + shape.getX(), o.y + shape.getY(), shape.getWidth(), shape.getHeight());
    }

    /** The absolute position of a node's top-left corner, whose children's coordinates are relative to it. */
    private static KVector origin(ElkNode node) {
        KVector o = new KVector();
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            o.add(n.getX(), n.getY());
        }
        return o;
    }

    /** The account of an IAM or STS ARN, null for anything else (web-identity and SAML subjects, services). */
    static String account(String id) {
        String[] parts = id.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    /**
     * A name short enough for a node, cut in the middle: an ARN keeps its account, type and last path segment
     * ({@code 111122223333:role/…/Deploy}); a web-identity subject keeps its repository and branch
     * ({@code …/repo:acme/api:…:main}); whatever is still too long loses its middle.
     */
    static String abbreviate(String id, int max) {
        String text = ReportText.shortArn(id);
        if (text.length() <= max) {
            return text;
        }
        String account = account(id);
        if (account != null) {
            String resource = id.split(":", 6)[5];
            int firstSlash = resource.indexOf('/');
            int lastSlash = resource.lastIndexOf('/');
            if (firstSlash > 0 && lastSlash > firstSlash) {
                String head = account + ":" + resource.substring(0, firstSlash + 1) + "…/";
                return head + middle(resource.substring(lastSlash + 1), max - head.length());
            }
        } else if (id.startsWith("web-identity:")) {
            int slash = id.indexOf('/');
            String[] parts = (slash < 0 ? id : id.substring(slash + 1)).split(":");
            if (parts.length >= 2 && parts[0].equals("repo")) {
                String branch = parts[parts.length - 1];
                String tail = parts.length > 2 ? ":…:" + branch.substring(branch.lastIndexOf('/') + 1) : "";
                return "…/repo:" + repository(parts[1], max - "…/repo:".length() - tail.length()) + tail;
            }
        }
        return middle(text, max);
    }

    /** {@code owner/name} in {@code max} characters: the owner cut first, then the name's middle. */
    private static String repository(String repo, int max) {
        int slash = repo.indexOf('/');
        if (repo.length() <= max || slash < 0) {
            return middle(repo, max);
        }
        String name = repo.substring(slash + 1);
        return name.length() + 4 <= max ? middle(repo.substring(0, slash), max - name.length() - 1) + "/" + name
                : "…/" + middle(name, max - 2);
    }

    /** The text cut to {@code max} characters by an ellipsis in its middle (at least one character each side). */
    private static String middle(String text, int max) {
        int keep = Math.max(max, 3);
        if (text.length() <= keep) {
            return text;
        }
        int head = (keep - 1) / 2;
        int tail = keep - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    static String svg(Layout layout) {
        long width = Math.round(Math.ceil(layout.width()));
        long height = Math.round(Math.ceil(layout.height()));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"access-graph\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" style=\"min-width:").append(Math.round(width * MIN_SCALE))
                .append("px\">\n")
                .append("<title>Access graph: assumers (left) to roles (right), grouped by account</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" "
                        + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#6b7a90\"/></marker>"
                        + "</defs>\n");
        for (Group g : layout.groups()) {
            Box b = g.box();
            svg.append("<g class=\"account\"><rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y()))
                    .append("\" width=\"").append(n(b.width())).append("\" height=\"").append(n(b.height()))
                    .append("\" rx=\"6\"/><text x=\"").append(n(b.x() + 8)).append("\" y=\"").append(n(b.y() + 17))
                    .append("\">account ").append(HtmlText.escape(g.account())).append("</text></g>\n");
        }
        layout.edges().forEach(e -> edge(svg, e));
        layout.nodes().forEach(nd -> node(svg, nd));
        if (layout.edges().isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"24\" text-anchor=\"middle\">"
                    + "No role assumptions observed.</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void node(StringBuilder svg, Node node) {
        Box b = node.box();
        svg.append("<a href=\"").append(HtmlText.escape(node.href())).append("\"><g class=\"node ")
                .append(node.kind()).append('"');
        if (!node.id().isEmpty()) {
            svg.append(" data-id=\"").append(HtmlText.escape(node.id())).append('"');
        }
        svg.append("><title>").append(HtmlText.escape(node.id().isEmpty() ? node.text() + ": see the paths table"
                        : node.id())).append("</title>")
                .append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.width())).append("\" height=\"").append(n(b.height())).append("\" rx=\"5\"/>")
                .append("<text x=\"").append(n(b.x() + 8)).append("\" y=\"").append(n(b.y() + 16)).append("\">")
                .append(HtmlText.escape(node.text())).append("</text></g></a>\n");
    }

    private static void edge(StringBuilder svg, Edge edge) {
        AccessEdge e = edge.path();
        svg.append("<g class=\"edge");
        if (e == null) {
            svg.append(" more\" data-assumer=\"").append(HtmlText.escape(edge.assumer())).append("\">")
                    .append("<title>").append(HtmlText.escape(edge.more() + " more paths of " + edge.assumer()
                            + ", each used less than the drawn ones: see the paths table")).append("</title>");
        } else {
            String id = ReportText.edgeId(e.assumer(), e.role());
            svg.append(e.crossAccount() ? " cross-account" : "").append("\" id=\"g-").append(id)
                    .append("\" data-assumer=\"").append(HtmlText.escape(e.assumer())).append("\" data-role=\"")
                    .append(HtmlText.escape(e.role())).append('"').append(edge.isNew() ? " data-new=\"true\"" : "")
                    .append(edge.alerted() ? " data-alert=\"true\"" : "").append('>')
                    .append("<title>").append(HtmlText.escape(e.assumer() + " → " + e.role() + " ("
                            + (e.how() == null ? "" : e.how() + ", ") + edge.label()
                            + (edge.isNew() ? ", new this week" : "") + (edge.alerted() ? ", raised an alert" : "")
                            + ")")).append("</title>");
        }
        svg.append("<path marker-end=\"url(#arrow)\" d=\"");
        for (int i = 0; i < edge.points().size(); i++) {
            double[] p = edge.points().get(i);
            svg.append(i == 0 ? "M" : " L").append(n(p[0])).append(',').append(n(p[1]));
        }
        Box l = edge.labelBox();
        svg.append("\"/><text x=\"").append(n(l.x() + 2)).append("\" y=\"").append(n(l.y() + 11)).append("\">")
                .append(HtmlText.escape(edge.label())).append("</text></g>\n");
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }
}
