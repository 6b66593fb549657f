package org.maildoctor.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.warmup.engage.Placement;

class FolderRolesTest {

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "INBOX                  | -                        | INBOX",
        "Inbox                  | -                        | INBOX",
        "[Gmail]/Spam           | \\HasNoChildren \\Junk    | SPAM",
        "Bulk Mail              | -                        | SPAM",
        "Junk E-mail            | -                        | SPAM",
        "INBOX.Junk             | -                        | SPAM",
        "Spamverdacht           | -                        | SPAM",
        "Courrier indésirable   | -                        | SPAM",
        "Odd name               | \\Junk                   | SPAM",
        "[Gmail]/All Mail       | \\All                    | -",
        "[Gmail]/Important      | \\Important              | -",
        "[Gmail]/Sent Mail      | \\Sent                   | -",
        "Sent Items             | -                        | -",
        "Drafts                 | -                        | -",
        "Promotions             | -                        | CATEGORY",
        "INBOX/Updates          | -                        | CATEGORY",
        "Archive                | \\Archive                | OTHER",
        "Deleted Items          | \\Trash                  | OTHER",
        "Projects/Spamfilter-notes | -                     | OTHER",
    })
    void classifiesByAttributeThenByName(String name, String attributes, String expected) {
        List<String> attrs = attributes == null ? List.of() : List.of(attributes.trim().split("\\s+"));
        Optional<Placement> got = FolderRoles.classify(name, attrs);
        assertThat(got.map(Enum::name).orElse(null)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void spamOutranksInboxWhichOutranksATab() {
        assertThat(FolderRoles.rank(Placement.SPAM)).isLessThan(FolderRoles.rank(Placement.INBOX));
        assertThat(FolderRoles.rank(Placement.INBOX)).isLessThan(FolderRoles.rank(Placement.CATEGORY));
        assertThat(FolderRoles.rank(Placement.CATEGORY)).isLessThan(FolderRoles.rank(Placement.OTHER));
    }
}
