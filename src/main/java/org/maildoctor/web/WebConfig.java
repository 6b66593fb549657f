package org.maildoctor.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the web shell needs to start. Secrets are optional; a blank secret counts as absent so
 * that an empty {@code MAILDOCTOR_API_TOKEN=} does not silently enable a guessable token.
 *
 * @param bindAddress interface to listen on; loopback needs no authentication
 * @param port TCP port, 0 picks a free one (tests)
 * @param adminPassword password for the web login form
 * @param apiToken token for {@code Authorization: Bearer} on the API and /metrics
 * @param version shown in the footer, /healthz and /api/v1/version
 */
public record WebConfig(String bindAddress, int port, Optional<String> adminPassword,
                        Optional<String> apiToken, String version) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8025;

    public WebConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        adminPassword = adminPassword == null ? Optional.empty() : adminPassword.filter(s -> !s.isBlank());
        apiToken = apiToken == null ? Optional.empty() : apiToken.filter(s -> !s.isBlank());
        version = version == null ? "dev" : version;
    }

    /** Loopback, no secrets: what {@code maildoctor serve} uses out of the box. */
    public static WebConfig loopback(int port, String version) {
        return new WebConfig(DEFAULT_BIND, port, Optional.empty(), Optional.empty(), version);
    }

    public boolean authEnabled() {
        return adminPassword.isPresent() || apiToken.isPresent();
    }

    /**
     * True for 127.0.0.0/8, ::1 and "localhost". Host names other than localhost count as
     * non-loopback: resolving them here would make the security decision depend on DNS.
     */
    public boolean isLoopback() {
        String host = bindAddress.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost")) {
            return true;
        }
        // only IP literals are handed to InetAddress, so no DNS query can happen
        if (!host.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Throws when the server would be reachable from other hosts without any authentication. */
    public void requireSafeExposure() {
        if (!isLoopback() && !authEnabled()) {
            throw new InsecureBindException(bindAddress);
        }
    }

    /** The secret that a Bearer header must carry: the API token, else the admin password. */
    Optional<String> bearerSecret() {
        return apiToken.isPresent() ? apiToken : adminPassword;
    }

    /** The secret the login form accepts: the admin password, else the API token. */
    Optional<String> loginSecret() {
        return adminPassword.isPresent() ? adminPassword : apiToken;
    }

    /** Never prints secrets: records would otherwise put them in every log line that shows the config. */
    @Override
    public String toString() {
        return "WebConfig[bindAddress=" + bindAddress + ", port=" + port
                + ", adminPassword=" + (adminPassword.isPresent() ? "***" : "none")
                + ", apiToken=" + (apiToken.isPresent() ? "***" : "none")
                + ", version=" + version + "]";
    }
}
