package org.rebond.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.ReferralNetwork.Node;
import org.rebond.domain.Circles;

/**
 * The referral network as one self-contained HTML page: an SVG drawn here, with no script, font,
 * image or style sheet from anywhere else. Each contact is a box (name, circle, where the interview
 * stands, whether they wait for news) with its circle's colour, under the person who introduced or
 * suggested them; the edges say which. Every name comes from mail and is escaped (DESIGN I4).
 */
final class NetworkPage {

    private static final String[] PALETTE = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#c99a00", "#a6761d", "#1f78b4"};
    private static final String NO_CIRCLE = "#9a9a9a";
    private static final int MARGIN = 24;
    private static final int INDENT = 150;
    private static final int BOX_WIDTH = 460;
    private static final int LINE = 19;
    private static final int GAP = 22;
    private static final int LEGEND_ROW = 24;

    private final NetworkWords words;
    private final Circles circles;

    NetworkPage(NetworkWords words, Circles circles) {
        this.words = words;
        this.circles = circles;
    }

    /** A box: its contact, its depth in the tree, its top, its lines of text (class, text), and the box above it in the tree. */
    private record Placed(Node node, int depth, int y, List<String[]> lines, Placed parent) {
        int height() {
            return lines.size() * LINE + 12;
        }
    }

    String render(ReferralNetwork.Network network, String owner) {
        List<Placed> placed = new ArrayList<>();
        int[] bottom = {0};
        for (Node root : network.roots()) {
            place(root, 0, null, placed, bottom);
        }
        Set<String> used = new LinkedHashSet<>();
        network.all().forEach(n -> used.add(n.circle() == null ? null : canonical(n.circle())));
        List<String> legend = new ArrayList<>(circles.names());
        used.stream().filter(c -> c != null && circles.indexOf(c) < 0).forEach(legend::add);
        int legendHeight = (legend.size() + 1) * LEGEND_ROW + 40;
        int maxDepth = placed.stream().mapToInt(Placed::depth).max().orElse(0);
        int width = Math.max(2 * MARGIN + maxDepth * INDENT + BOX_WIDTH, 560);
        int top = MARGIN + legendHeight;
        int height = top + bottom[0] + MARGIN;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(escape(words.say("page.label"))).append("\">\n");
        svg.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN + 4).append("\" class=\"legend-title\">")
                .append(escape(words.say("page.circles"))).append("</text>\n");
        for (int i = 0; i <= legend.size(); i++) {
            int y = MARGIN + 16 + i * LEGEND_ROW;
            String name = i < legend.size() ? legend.get(i) : words.noCircle();
            String colour = i < legend.size() ? colour(name) : NO_CIRCLE;
            svg.append("<rect x=\"").append(MARGIN).append("\" y=\"").append(y).append("\" width=\"16\" height=\"16\" rx=\"3\" fill=\"")
                    .append(colour).append("\"/><text x=\"").append(MARGIN + 24).append("\" y=\"").append(y + 13).append("\">")
                    .append(escape(name)).append("</text>\n");
        }
        for (Placed p : placed) {
            if (p.parent() != null) {
                edge(svg, p, top);
            }
        }
        for (Placed p : placed) {
            box(svg, p, top);
        }
        svg.append("</svg>\n");

        String title = words.say("page.title", owner);
        String summary = network.all().isEmpty() ? words.say("empty") : words.say("page.summary", words.count("people", network.all().size()));
        return "<!DOCTYPE html>\n<html lang=\"" + (words.french() ? "fr" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n"
                + "body { font-family: system-ui, 'DejaVu Sans', sans-serif; margin: 16px; color: #222; background: #fff; }\n"
                + "h1 { font-size: 20px; margin: 0 0 4px; } p { margin: 0 0 12px; color: #555; }\n"
                + "svg text { font-size: 13px; fill: #222; } svg .name { font-weight: bold; font-size: 14px; }\n"
                + "svg .legend-title { font-weight: bold; } svg .edge { font-size: 12px; fill: #444; font-style: italic; }\n"
                + "svg .wait { fill: #b03000; } svg .muted { fill: #555; }\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(summary) + "</p>\n" + svg + "</body>\n</html>\n";
    }

    private void place(Node n, int depth, Placed parent, List<Placed> out, int[] y) {
        Placed p = new Placed(n, depth, y[0], lines(n), parent);
        out.add(p);
        y[0] += p.height() + GAP;
        n.children().forEach(c -> place(c, depth + 1, p, out, y));
    }

    private List<String[]> lines(Node n) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"name", NetworkWords.person(n)});
        lines.add(new String[] {"", words.circle(n)});
        words.outside(n).ifPresent(o -> lines.add(new String[] {"muted", o}));
        lines.add(new String[] {"", words.meeting(n)});
        words.permissions(n).ifPresent(p -> lines.add(new String[] {"muted", p}));
        words.waiting(n).ifPresent(w -> lines.add(new String[] {"wait", w}));
        return lines;
    }

    private void edge(StringBuilder svg, Placed p, int top) {
        int x0 = MARGIN + p.parent().depth() * INDENT + 24;
        int y0 = top + p.parent().y() + p.parent().height();
        int x1 = MARGIN + p.depth() * INDENT;
        int y1 = top + p.y() + p.height() / 2;
        boolean introduced = p.node().link().kind() == ReferralNetwork.LinkKind.INTRODUCED;
        svg.append("<path d=\"M").append(x0).append(' ').append(y0).append(" V").append(y1).append(" H").append(x1)
                .append("\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.5\"").append(introduced ? "" : " stroke-dasharray=\"5 4\"")
                .append("/>\n<text class=\"edge\" x=\"").append(x0 + 8).append("\" y=\"").append(y1 - 6).append("\">")
                .append(escape(words.edge(p.node()))).append("</text>\n");
    }

    private void box(StringBuilder svg, Placed p, int top) {
        Node n = p.node();
        int x = MARGIN + p.depth() * INDENT;
        int y = top + p.y();
        String colour = n.circle() == null ? NO_CIRCLE : colour(n.circle());
        boolean met = n.meeting().state() != ReferralNetwork.MeetingState.NOT_MET;
        svg.append("<g class=\"contact\"><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(p.height()).append("\" rx=\"8\" fill=\"").append(met ? "#fbfbf8" : "#ffffff")
                .append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"").append(met ? "" : " stroke-dasharray=\"6 4\"")
                .append("/><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"10\" height=\"").append(p.height())
                .append("\" rx=\"4\" fill=\"").append(colour).append("\"/>\n");
        List<String[]> lines = p.lines();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i)[1];
            svg.append("<text").append(lines.get(i)[0].isEmpty() ? "" : " class=\"" + lines.get(i)[0] + "\"").append(" x=\"").append(x + 20)
                    .append("\" y=\"").append(y + 20 + i * LINE).append("\"><title>").append(escape(text)).append("</title>")
                    .append(escape(shorten(text, 60))).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private String canonical(String circle) {
        return circles.find(circle).orElse(circle);
    }

    private String colour(String circle) {
        int i = circles.indexOf(circle);
        if (i < 0) {
            i = circles.names().size() + Math.floorMod(circle.hashCode(), PALETTE.length);
        }
        return PALETTE[i % PALETTE.length];
    }

    private static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Text for HTML and SVG content or attributes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
