package org.maildoctor.verify.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {
    @TempDir
    Path dir;

    private static List<List<String>> all(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvRecords r = new CsvRecords(new StringReader(text))) {
            for (List<String> rec; (rec = r.next()) != null; ) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void bomCrlfQuotesAndBlankLines() throws IOException {
        String text = "\uFEFFname,email\r\n\"Doe, Jane\",jane@example.org\r\n\r\n\"Bob \"\"B\"\"\",\"bob@\r\nexample.org\"\r\nx,y";
        assertThat(all(text)).containsExactly(List.of("name", "email"), List.of("Doe, Jane", "jane@example.org"),
                List.of("Bob \"B\"", "bob@\r\nexample.org"), List.of("x", "y"));
    }

    @Test
    void bareCrAndLfLineEnds() throws IOException {
        assertThat(all("a\rb\nc")).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    }

    @Test
    void nonUtf8BytesBecomeReplacementCharacters() throws IOException {
        byte[] bytes = {'j', (byte) 0xE9, 'r', '@', 'x', '.', 'o', 'r', 'g', '\n'};
        try (CsvRecords r = new CsvRecords(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            assertThat(r.next()).containsExactly("j\uFFFDr@x.org");
        }
    }

    @Test
    void anUnclosedQuoteIsAClearError() {
        assertThatThrownBy(() -> all("email\n\"jane@example.org\nbob@example.org\n"))
                .isInstanceOf(BulkInputException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void aMissingColumnNamesTheColumnsFound() throws IOException {
        Path f = dir.resolve("list.csv");
        Files.writeString(f, "name,phone\nJane,123\n");
        assertThatThrownBy(() -> BulkJobRunner.layout(f, null)).isInstanceOf(BulkInputException.class)
                .hasMessageContaining("columns found: name, phone");
        assertThatThrownBy(() -> BulkJobRunner.layout(f, "mail_addr")).isInstanceOf(BulkInputException.class)
                .hasMessageContaining("no column 'mail_addr'").hasMessageContaining("name, phone");
    }

    @Test
    void headerlessSingleColumnAndNamedColumns() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "jane@example.org\nbob@example.org\n");
        assertThat(BulkJobRunner.layout(plain, null).toString()).contains("header=false", "column=0");
        Path named = dir.resolve("named.csv");
        Files.writeString(named, "\uFEFFName,E-Mail\r\nJane,jane@example.org\r\n");
        assertThat(BulkJobRunner.layout(named, null).toString()).contains("header=true", "column=1");
    }

    @Test
    void outputQuotingAndFormulaGuard() {
        assertThat(BulkJobRunner.csvLine(List.of("a@b.c", "x,y", "say \"hi\"", "=cmd()")))
                .isEqualTo("a@b.c,\"x,y\",\"say \"\"hi\"\"\",'=cmd()\r\n");
    }
}
