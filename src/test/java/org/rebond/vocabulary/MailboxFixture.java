package org.rebond.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The test mailboxes: contacts' messages read from {@code src/test/resources/vocabulary/contacts},
 * and the rest of a mailbox drawn deterministically from the sentences of {@code .../mailbox}
 * (newsletters, family, other information interviews, work threads, job alerts, invitations from
 * others with their Teams or Zoom boilerplate, replies that quote earlier mail).
 */
final class MailboxFixture {

    static final String HEALTH_DATA = "health-data-fr";
    static final String BANKING = "banking-compliance-fr";
    static final String PRODUCT = "product-management-en";
    static final String COLD_CHAIN = "cold-chain-logistics-en";
    static final String URBANISM = "urbanism-fr";
    static final List<String> CONTACTS = List.of(HEALTH_DATA, BANKING, PRODUCT, COLD_CHAIN, URBANISM);

    private static final String[] POOLS = {"newsletters-fr", "newsletters-en", "family", "interviews", "work", "jobs"};
    /** How often each pool is drawn, in the order of {@link #POOLS}. */
    private static final int[] WEIGHTS = {25, 25, 15, 20, 10, 5};
    private static final String[] GREETINGS = {"Bonjour Marie,", "Hello Marie,", "Hi Marie,", "Bonjour,", "Salut Marie !", "Dear Marie,", ""};
    private static final String[] CLOSINGS = {"Bonne journée,\nPaul", "Best,\nJames", "Cordialement,\nL'équipe", "Cheers,\nAnna",
            "Bien à vous,\nNathalie Roux\nChargée de recrutement", "Kind regards,\nThe Team", "Bises,\nMaman", ""};

    private MailboxFixture() {
    }

    /** A contact's messages, newest first. */
    static List<String> contact(String name) {
        return Arrays.stream(resource("contacts/" + name + ".txt").split("(?m)^==== message ====\\n")).map(String::strip).toList();
    }

    /** {@code size} ordinary messages, the same for the same seed, and every contact's messages mixed in. */
    static List<String> mailbox(int size, long seed) {
        List<String> messages = new ArrayList<>(ordinary(size, seed));
        for (String contact : CONTACTS) {
            messages.addAll(contact(contact));
        }
        return messages;
    }

    /** {@code size} ordinary messages without any of the contacts'. */
    static List<String> ordinary(int size, long seed) {
        List<List<String>> pools = new ArrayList<>();
        for (String pool : POOLS) {
            pools.add(resource("mailbox/" + pool + ".txt").lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        }
        Random random = new Random(seed);
        List<String> messages = new ArrayList<>();
        String previous = "";
        for (int m = 0; m < size; m++) {
            List<String> pool = pools.get(draw(random));
            StringBuilder text = new StringBuilder(GREETINGS[random.nextInt(GREETINGS.length)]).append("\n\n");
            int sentences = 2 + random.nextInt(6);
            for (int s = 0; s < sentences; s++) {
                text.append(pool.get(random.nextInt(pool.size()))).append(s % 3 == 2 ? "\n\n" : " ");
            }
            text.append("\n\n").append(CLOSINGS[random.nextInt(CLOSINGS.length)]);
            switch (random.nextInt(6)) {
                case 0 -> text.append("\n\nLe lun. 4 mars 2024 à 10:12, Marie Lambert <marie.lambert@example.org> a écrit :\n")
                        .append(previous.lines().map(line -> "> " + line).reduce("", (a, b) -> a + b + "\n"));
                case 1 -> text.append("\n\n").append(teams(random));
                case 2 -> text.append("\n\nThis e-mail and any attachments are confidential and intended solely for the addressee.");
                default -> { }
            }
            previous = text.toString();
            messages.add(previous);
        }
        return messages;
    }

    private static String teams(Random random) {
        return random.nextBoolean()
                ? """
                ________________________________________________________________________________
                Microsoft Teams meeting
                Join on your computer, mobile app or room device
                Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0>
                Meeting ID: 371 552 908 114
                Passcode: 9sXq4T
                Download Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web
                Join with a video conferencing device
                Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/>
                ________________________________________________________________________________
                """
                : """
                ________________________________________________________________________________
                Réunion Microsoft Teams
                Rejoindre sur votre ordinateur, une application mobile ou un appareil de salle
                Cliquez ici pour rejoindre la réunion<https://teams.microsoft.com/l/meetup-join/19%3ameeting_def>
                ID de la réunion : 298 114 663 507
                Code secret : P4nB7e
                Participer par téléphone
                +33 1 70 37 04 21,,987654321#   France, Paris
                En savoir plus | Options de réunion
                ________________________________________________________________________________
                """;
    }

    private static int draw(Random random) {
        int total = Arrays.stream(WEIGHTS).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return i;
            }
        }
        return WEIGHTS.length - 1;
    }

    private static String resource(String path) {
        try (InputStream in = MailboxFixture.class.getResourceAsStream("/vocabulary/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vocabulary/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
