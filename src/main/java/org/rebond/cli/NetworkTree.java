package org.rebond.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.ReferralNetwork.Node;

/** The referral network drawn in the terminal with Unicode tree lines, in the user's language. */
final class NetworkTree {

    private final NetworkWords words;

    NetworkTree(NetworkWords words) {
        this.words = words;
    }

    void print(PrintWriter out, ReferralNetwork.Network network) {
        boolean fr = words.french();
        int people = network.all().size();
        if (people == 0) {
            out.println(fr ? "Votre réseau est encore vide : il se remplit avec vos entretiens et les noms donnés dans vos notes."
                    : "Your network is empty so far: it fills with your interviews and the names given in your debrief notes.");
            return;
        }
        int roots = network.roots().size();
        out.println(fr ? "Votre réseau — " + NetworkWords.count(people, true, "", "", "personne", "personnes") + ", "
                + NetworkWords.count(roots, true, "", "", "point de départ", "points de départ")
                : "Your network — " + NetworkWords.count(people, false, "person", "people", "", "") + ", "
                + NetworkWords.count(roots, false, "starting point", "starting points", "", ""));
        for (Node root : network.roots()) {
            out.println();
            out.println(NetworkWords.person(root));
            details(root).forEach(d -> out.println("   " + d));
            print(out, root.children(), "");
        }
    }

    private void print(PrintWriter out, List<Node> children, String prefix) {
        for (int i = 0; i < children.size(); i++) {
            Node c = children.get(i);
            boolean last = i == children.size() - 1;
            out.println(prefix + (last ? "└─ " : "├─ ") + words.edge(c) + (words.french() ? " : " : ": ") + NetworkWords.person(c));
            String under = prefix + (last ? "   " : "│  ");
            for (String d : details(c)) {
                out.println(under + (c.children().isEmpty() ? "   " : "│  ") + d);
            }
            print(out, c.children(), under);
        }
    }

    private List<String> details(Node n) {
        List<String> lines = new ArrayList<>();
        words.outside(n).ifPresent(lines::add);
        lines.add(words.meeting(n) + " · " + words.circle(n));
        words.permissions(n).ifPresent(lines::add);
        words.waiting(n).ifPresent(lines::add);
        return lines;
    }
}
