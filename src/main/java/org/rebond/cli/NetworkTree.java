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
        int people = network.all().size();
        if (people == 0) {
            out.println(words.say("empty"));
            return;
        }
        out.println(words.say("tree.title", words.count("people", people), words.count("roots", network.roots().size())));
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
            out.println(prefix + (last ? "└─ " : "├─ ") + words.say("tree.edge", words.edge(c), NetworkWords.person(c)));
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
