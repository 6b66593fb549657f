package org.maildoctor.web;

import java.util.List;

/**
 * What the layout template needs on every page: passed to each JTE template as {@code page}.
 *
 * @param title page title (the layout appends " · maildoctor")
 * @param nav navigation entries in registration order
 * @param currentPath request path, to mark the current nav entry
 * @param version maildoctor version for the footer
 * @param signedIn whether to show the sign-out button
 */
public record PageModel(String title, List<NavItem> nav, String currentPath, String version, boolean signedIn) {
    public PageModel {
        nav = List.copyOf(nav);
    }

    /** "page" for the current entry, null otherwise so JTE omits the aria-current attribute. */
    public String ariaCurrent(NavItem item) {
        boolean current = currentPath.equals(item.path()) || currentPath.startsWith(item.path() + "/");
        return current ? "page" : null;
    }
}
