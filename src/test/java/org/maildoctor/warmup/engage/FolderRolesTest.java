package org.maildoctor.warmup.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FolderRolesTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INBOX                          | /  | INBOX
            Inbox                          | /  | INBOX
            [Gmail]/Spam                   | /  | JUNK
            Junk                           | /  | JUNK
            Junk E-mail                    | /  | JUNK
            Junk Email                     | .  | JUNK
            Bulk Mail                      | /  | JUNK
            INBOX.Spam                     | .  | JUNK
            Spam-Verdacht                  | /  | JUNK
            Junk-E-Mail                    | /  | JUNK
            Courrier indésirable           | /  | JUNK
            Correo no deseado              | /  | JUNK
            Posta indesiderata             | /  | JUNK
            Ongewenste e-mail              | /  | JUNK
            Спам                           | /  | JUNK
            迷惑メール                      | /  | JUNK
            [Gmail]/Categories/Promotions  | /  | CATEGORY
            Promotions                     | /  | CATEGORY
            Updates                        | /  | CATEGORY
            Social                         | /  | CATEGORY
            Archive                        | /  | ARCHIVE
            Archiv                         | /  | ARCHIVE
            [Gmail]/Sent Mail              | /  | SKIP
            Sent Items                     | /  | SKIP
            Gesendete Elemente             | /  | SKIP
            Éléments envoyés               | /  | SKIP
            Drafts                         | /  | SKIP
            Entwürfe                       | /  | SKIP
            Trash                          | /  | SKIP
            Deleted Items                  | /  | SKIP
            Papierkorb                     | /  | SKIP
            Corbeille                      | /  | SKIP
            Papelera                       | /  | SKIP
            [Gmail]/All Mail               | /  | SKIP
            [Gmail]/Starred                | /  | SKIP
            [Gmail]/Important              | /  | SKIP
            Outbox                         | /  | SKIP
            Calendar                       | /  | SKIP
            Clients/Acme                   | /  | OTHER
            Receipts                       | /  | OTHER
            """)
    void namesInManyLanguagesAndProviders(String name, char delimiter, FolderRole role) {
        assertThat(FolderRoles.classify(name.strip(), delimiter, List.of("\\HasNoChildren"))).isEqualTo(role);
    }

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource({
        "Mail/Filtered,  \\Junk,     JUNK",
        "Saved,          \\Archive,  ARCHIVE",
        "Papers,         \\Trash,    SKIP",
        "Out,            \\Sent,     SKIP",
        "Wip,            \\Drafts,   SKIP",
        "Everything,     \\All,      SKIP",
        "Stars,          \\Flagged,  SKIP",
        "Spam,           \\Noselect, SKIP",
    })
    void specialUseDecidesOverTheName(String name, String attribute, FolderRole role) {
        assertThat(FolderRoles.classify(name, '/', List.of("\\HasNoChildren", attribute))).isEqualTo(role);
    }

    @Test
    void specialUseIsCaseInsensitiveAndTheSentFolderIsNeverScanned() {
        assertThat(FolderRoles.classify("Whatever", '/', List.of("\\JUNK"))).isEqualTo(FolderRole.JUNK);
        assertThat(FolderRoles.classify("Spam", '/', List.of("\\Sent"))).isEqualTo(FolderRole.SKIP);
        assertThat(FolderRole.SKIP.scanned()).isFalse();
        assertThat(FolderRole.JUNK.placement()).contains(Placement.SPAM);
        assertThat(FolderRole.CATEGORY.placement()).contains(Placement.CATEGORY);
        assertThat(FolderRole.ARCHIVE.placement()).contains(Placement.OTHER);
    }

    @Property
    void anyNameHasARole(@ForAll String name, @ForAll char delimiter) {
        assertThat(FolderRoles.classify(name, delimiter, List.of())).isNotNull();
    }
}
