package org.rebond.domain.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The contact is greeted as the exchange did: by first name unless it was formal. */
class GreetingTest {

    @Test
    void a_contact_who_signs_with_a_first_name_is_greeted_by_it() {
        List<String> marc = List.of("Hello Alex,\n\nHappy to talk on Tuesday.\n\nMarc\n");

        assertThat(Greeting.choose("Marc Lefèvre", List.of(), marc, Locale.ENGLISH)).isEqualTo("Hi Marc,");
        assertThat(Greeting.choose("Marc Lefèvre", List.of(), marc, Locale.FRENCH)).isEqualTo("Bonjour Marc,");
    }

    @Test
    void the_greeting_the_user_already_used_with_the_contact_is_kept() {
        assertThat(Greeting.choose("Marc Lefèvre", List.of("Dear Dr Lefèvre,\n\nThank you for your answer."), List.of(), Locale.ENGLISH))
                .isEqualTo("Dear Dr Lefèvre,");
        assertThat(Greeting.choose("Marc Lefèvre", List.of("Bonjour Monsieur Lefèvre,\n\nMerci."), List.of(), Locale.FRENCH))
                .isEqualTo("Bonjour Monsieur Lefèvre,");
    }

    @Test
    void a_formal_exchange_keeps_the_full_name_and_is_formal() {
        List<String> formal = List.of("Madame,\n\nJe vous confirme notre rendez-vous.\n\nMarc Lefèvre\nDirecteur produit");

        String greeting = Greeting.choose("Marc Lefèvre", List.of(), formal, Locale.FRENCH);

        assertThat(greeting).isEqualTo("Bonjour Marc Lefèvre,");
        assertThat(Greeting.isFormal("Dear Marc Lefèvre,")).isTrue();
        assertThat(Greeting.isFormal("Hi Marc,")).isFalse();
    }
}
