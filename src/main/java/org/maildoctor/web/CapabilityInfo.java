package org.maildoctor.web;

/**
 * One entry of {@code GET /api/v1/capabilities}: a page of the web interface.
 *
 * @param path page path
 * @param label navigation label
 * @param summary one-sentence description
 */
public record CapabilityInfo(String path, String label, String summary) {
}
