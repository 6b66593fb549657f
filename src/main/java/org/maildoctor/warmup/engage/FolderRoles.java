package org.maildoctor.warmup.engage;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies IMAP folders for warm-up engagement. SPECIAL-USE attributes (RFC 6154) decide when the
 * server sends them; otherwise the folder's last name segment is compared, without case, accents or
 * punctuation, with the names providers and localised clients use (Gmail, Outlook/Exchange, Yahoo,
 * iCloud, Dovecot defaults; English, German, French, Spanish, Italian, Dutch, Portuguese, Nordic, Polish,
 * Czech, Russian, Japanese, Chinese). {@code \All} (Gmail's All Mail) and {@code \Flagged} hold copies of
 * mail filed elsewhere, so scanning them would count a message twice.
 */
public final class FolderRoles {

    private static final Map<String, FolderRole> SPECIAL_USE = Map.of(
            "\\junk", FolderRole.JUNK,
            "\\archive", FolderRole.ARCHIVE,
            "\\trash", FolderRole.SKIP,
            "\\sent", FolderRole.SKIP,
            "\\drafts", FolderRole.SKIP,
            "\\all", FolderRole.SKIP,
            "\\flagged", FolderRole.SKIP,
            "\\important", FolderRole.SKIP);

    // Names as providers and localised clients show them; compared in key() form.
    private static final Set<String> JUNK = keys("Spam", "Junk", "Junk E-mail", "Junk Email", "Junk Mail", "Bulk",
            "Bulk Mail", "Spam-Verdacht", "Junk-E-Mail", "Unerwünscht", "Courrier indésirable", "Indésirables",
            "Pourriel", "Correo no deseado", "Posta indesiderata", "Ongewenste e-mail", "Ongewenst",
            "Lixo eletrônico", "Lixo electrónico", "Caixa de spam", "Skräppost", "Søppelpost", "Uønsket post",
            "Roskaposti", "Niechciana poczta", "Nevyžádaná pošta", "Спам", "Нежелательная почта", "迷惑メール",
            "垃圾邮件", "垃圾郵件");
    private static final Set<String> CATEGORY = keys("Promotions", "Updates", "Social", "Forums", "Promotionen",
            "Soziale Netzwerke", "Benachrichtigungen", "Foren", "Promociones", "Notificaciones", "Réseaux sociaux",
            "Notifications", "Promozioni", "Aggiornamenti", "Newsletters", "Offers");
    private static final Set<String> ARCHIVE = keys("Archive", "Archives", "Archiv", "Archivo", "Archivio",
            "Archief", "Arquivo", "Arkiv", "Archiwum", "Архив");
    private static final Set<String> SKIP = keys(
            // sent
            "Sent", "Sent Items", "Sent Mail", "Sent Messages", "Gesendet", "Gesendete Elemente",
            "Gesendete Objekte", "Envoyés", "Éléments envoyés", "Messages envoyés", "Enviados",
            "Elementos enviados", "Posta inviata", "Inviata", "Verzonden", "Verzonden items", "Itens enviados",
            "Skickat", "Sendt", "Wysłane", "Odeslaná pošta", "Отправленные", "送信済み", "已发送",
            // drafts and outbox
            "Drafts", "Draft", "Entwürfe", "Brouillons", "Borradores", "Bozze", "Concepten", "Rascunhos", "Utkast",
            "Kopie robocze", "Koncepty", "Черновики", "下書き", "草稿", "Outbox", "Postausgang", "Boîte d'envoi",
            // trash
            "Trash", "Deleted Items", "Deleted Messages", "Bin", "Papierkorb", "Gelöschte Elemente", "Corbeille",
            "Éléments supprimés", "Papelera", "Elementos eliminados", "Cestino", "Posta eliminata", "Prullenbak",
            "Verwijderde items", "Lixeira", "Lixo", "Papperskorgen", "Kosz", "Koš", "Корзина", "ゴミ箱", "已删除",
            // virtual copies (Gmail) and Exchange folders that hold no mail
            "All Mail", "Alle Nachrichten", "Tous les messages", "Todos", "Tutti i messaggi", "Starred", "Markiert",
            "Important", "Wichtig", "Chats", "Calendar", "Contacts", "Tasks", "Journal", "Notes", "Kalender",
            "Kontakte", "Aufgaben", "Notizen", "Conversation History", "Sync Issues", "RSS Feeds", "Conflicts",
            "Local Failures", "Server Failures");

    private static Set<String> keys(String... names) {
        return java.util.Arrays.stream(names).map(FolderRoles::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private FolderRoles() {
    }

    /**
     * @param fullName   the folder's full name as the server lists it (decoded from modified UTF-7)
     * @param delimiter  the hierarchy delimiter, or {@code 0} when flat
     * @param attributes the LIST attributes, e.g. {@code \HasNoChildren}, {@code \Junk}
     */
    public static FolderRole classify(String fullName, char delimiter, Collection<String> attributes) {
        for (String a : attributes) {
            String k = a.toLowerCase(Locale.ROOT);
            if (k.equals("\\noselect") || k.equals("\\nonexistent")) {
                return FolderRole.SKIP;
            }
        }
        for (String a : attributes) {
            FolderRole r = SPECIAL_USE.get(a.toLowerCase(Locale.ROOT));
            if (r != null) {
                return r;
            }
        }
        if (fullName.equalsIgnoreCase("INBOX")) {
            return FolderRole.INBOX;
        }
        String leaf = fullName;
        if (delimiter != 0 && leaf.lastIndexOf(delimiter) >= 0) {
            leaf = leaf.substring(leaf.lastIndexOf(delimiter) + 1);
        }
        String key = key(leaf);
        if (JUNK.contains(key)) {
            return FolderRole.JUNK;
        }
        if (CATEGORY.contains(key)) {
            return FolderRole.CATEGORY;
        }
        if (ARCHIVE.contains(key)) {
            return FolderRole.ARCHIVE;
        }
        if (SKIP.contains(key)) {
            return FolderRole.SKIP;
        }
        return FolderRole.OTHER;
    }

    /** Lower case, accents and spaces, hyphens, underscores and dots removed: "Junk-E-Mail" → "junkemail". */
    static String key(String name) {
        String n = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return n.replaceAll("[\\s\\-_.'’\\[\\]]+", "");
    }
}
