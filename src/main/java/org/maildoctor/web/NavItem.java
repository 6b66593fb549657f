package org.maildoctor.web;

/**
 * One entry of the navigation bar, also shown as a card on the home page.
 *
 * @param path page path, e.g. {@code /bounces}
 * @param label short link text
 * @param summary one sentence for the home page card
 */
public record NavItem(String path, String label, String summary) {
    public NavItem {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("nav path must start with '/': " + path);
        }
    }
}
