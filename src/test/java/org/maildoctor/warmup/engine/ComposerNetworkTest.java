package org.maildoctor.warmup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.network.MessageComposer;

class ComposerNetworkTest {
    static final List<String> POOL = List.of("a@gmail.com", "b@gmail.com", "c@outlook.com", "d@hotmail.com",
            "e@yahoo.com", "f@one.example", "g@one.example");
    static final Map<String, MailboxProvider> PROVIDERS = Map.of("a@gmail.com", MailboxProvider.GMAIL,
            "b@gmail.com", MailboxProvider.GMAIL, "c@outlook.com", MailboxProvider.OUTLOOK_COM,
            "d@hotmail.com", MailboxProvider.OUTLOOK_COM, "e@yahoo.com", MailboxProvider.YAHOO,
            "f@one.example", MailboxProvider.CUSTOM, "g@one.example", MailboxProvider.CUSTOM);

    final ComposerNetwork network = new ComposerNetwork(MessageComposer.shipped(), PROVIDERS::get);

    @Test
    void aDaysRecipientsSpreadAcrossProvidersAndNeverTheSender() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Map<MailboxProvider, Integer> perProvider = new HashMap<>();
        for (int seq = 1; seq <= 12; seq++) {
            String to = network.recipient("f@one.example", POOL, day, seq);
            assertThat(to).isNotEqualTo("f@one.example");
            perProvider.merge(PROVIDERS.get(to), 1, Integer::sum);
        }
        // 12 picks over 4 providers: 3 each; the sender's own domain (g@one.example) only as a last resort
        assertThat(perProvider).containsOnlyKeys(MailboxProvider.GMAIL, MailboxProvider.OUTLOOK_COM, MailboxProvider.YAHOO,
                MailboxProvider.CUSTOM);
        assertThat(perProvider.values()).allSatisfy(n -> assertThat(n).isEqualTo(3));
    }

    @Test
    void aSlotNamesTheSameRecipientWhenPlannedAgain() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        for (int seq = 1; seq <= 10; seq++) {
            assertThat(network.recipient("a@gmail.com", POOL, day, seq))
                    .isEqualTo(new ComposerNetwork(MessageComposer.shipped(), PROVIDERS::get)
                            .recipient("a@gmail.com", POOL, day, seq));
        }
    }
}
