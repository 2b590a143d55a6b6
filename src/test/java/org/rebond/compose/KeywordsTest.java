package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A contact's keywords: the words that stand out in their messages against the mailbox (METHOD M3). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeywordsTest {

    private final Keywords keywords = new Keywords();

    private static final List<String> CONTACT = List.of(
            "Hello Marie, happy to meet. In my team we spend most of the week on replenishment and safety stock:"
                    + " the forecast is revised every Monday, and replenishment orders leave on Tuesday.",
            "Re: coffee. Bring questions about forecast accuracy; our safety stock policy changed this year."
                    + " See https://intranet.northwind.example/replenishment-forecast or write to ops@northwind.example.",
            "Bonjour Marie, la prévision et le réapprovisionnement sont au cœur du métier. Le réapprovisionnement"
                    + " se décide chaque lundi avec la prévision des ventes. 2024 sera chargée.");

    private static final List<String> OTHERS = List.of(
            "Hi Marie, are you free for lunch on Friday? Thanks, Paul",
            "Your order has shipped. Thank you for shopping with us. Delivery expected on Monday.",
            "Bonjour, la réunion de l'association est reportée à jeudi. Merci de confirmer votre présence.",
            "Reminder: your subscription renews next month. Manage your account online.",
            "Hello, here are the photos from the weekend, thanks for coming!",
            "Meeting notes attached. Please review before the team meeting on Monday.");

    @Test
    void a_contacts_jargon_stands_out_against_the_mailbox() {
        List<String> all = new ArrayList<>(OTHERS);
        all.addAll(CONTACT);

        List<String> found = keywords.distinctive(CONTACT, all, 6);

        assertThat(found).contains("replenishment", "forecast", "reapprovisionnement", "prevision");
        assertThat(found).doesNotContain("marie", "monday", "hello", "bonjour", "team");
    }

    @Test
    void the_mailbox_counted_once_gives_every_contact_the_same_keywords_as_counting_it_each_time() {
        List<String> all = new ArrayList<>(OTHERS);
        all.addAll(CONTACT);
        Keywords.Background counted = keywords.background(all);

        assertThat(keywords.distinctive(CONTACT, counted, 6)).isEqualTo(keywords.distinctive(CONTACT, all, 6));
        assertThat(keywords.distinctive(OTHERS.subList(0, 2), counted, 6)).isEqualTo(keywords.distinctive(OTHERS.subList(0, 2), all, 6));
    }

    @Test
    void numbers_short_words_addresses_and_links_are_never_keywords() {
        List<String> found = keywords.distinctive(CONTACT, OTHERS, 50);

        assertThat(found).allMatch(word -> word.length() >= 4 && word.chars().allMatch(Character::isLetter));
        assertThat(found).doesNotContain("2024", "northwind", "intranet", "https", "ops", "example");
    }

    @Test
    void the_order_is_deterministic_and_the_maximum_is_respected() {
        List<String> first = keywords.distinctive(CONTACT, OTHERS, 3);
        List<String> again = keywords.distinctive(List.copyOf(CONTACT), List.copyOf(OTHERS), 3);

        assertThat(first).hasSize(3).isEqualTo(again);
    }

    @Test
    void no_messages_from_the_contact_give_no_keywords() {
        assertThat(keywords.distinctive(List.of(), OTHERS, 5)).isEmpty();
        assertThat(keywords.distinctive(CONTACT, OTHERS, 0)).isEmpty();
    }
}
