package org.maildoctor.web;

/**
 * Body of {@code GET /api/v1/version}.
 *
 * @param name always "maildoctor"
 * @param version application version
 * @param java Java runtime version
 */
public record VersionInfo(String name, String version, String java) {
}
