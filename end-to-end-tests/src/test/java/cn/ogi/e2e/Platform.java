package cn.ogi.e2e;

import static io.restassured.RestAssured.given;

import cn.ogi.web.auth.Pem;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.auth.TokenMinter;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The whole platform for the end-to-end tests: the three jars on ports 18081–18083 with the
 * {@code *_e2e} databases (emptied when the run starts), a key pair made for the run, and tokens.
 * Started once per test run and stopped when the JVM ends.
 */
public final class Platform {

    /** Ports base+1, +2, +3 (base 18080 unless {@code OGI_E2E_PORT_BASE} says otherwise, for parallel runs). */
    private static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("OGI_E2E_PORT_BASE", "18080"));

    public static final int INTAKE = PORT_BASE + 1;
    public static final int REPORTING = PORT_BASE + 2;
    public static final int STATS = PORT_BASE + 3;
    /** The browser test's stand-in for the province's identity provider (FakeIdentityProvider) listens here. */
    public static final int IDENTITY_PROVIDER = PORT_BASE + 4;
    /** A second intake-service on the same database ({@link #secondIntake}), for two relays at once. */
    public static final int SECOND_INTAKE = PORT_BASE + 5;
    /** The OTLP receiver of the run's spans ({@link OtlpReceiver}), when the run traces. */
    public static final int OTLP_RECEIVER = PORT_BASE + 6;
    /**
     * The issuer the services trust in this run: the stand-in identity provider, as in production the province's
     * own. Every token of the run (the harness', the dev sign-in's, the provider's) is signed with the run's key.
     */
    public static final String ISSUER = "http://localhost:" + IDENTITY_PROVIDER + "/idp";
    /** The console's origin (stats-service serves it), which the other services allow by CORS. */
    public static final String CONSOLE_ORIGIN = "http://localhost:" + STATS;

    public static final String CONSOLE_CLIENT_ID = "ogi-console";

    private static Platform running;

    final ServiceProcess reporting;
    final ServiceProcess intake;
    final ServiceProcess stats;
    private final Map<String, String> intakeEnvironment;
    private final Path root;
    private final TokenMinter minter;
    private final KeyPair keys;
    private boolean started;

    private Platform() {
        Path root = Path.of(System.getProperty("ogi.root.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Path target = root.resolve("end-to-end-tests/target");
        Path logs = target.resolve("e2e-logs");
        keys = Pem.newRsaKeyPair();
        try {
            Files.createDirectories(logs);
            Files.writeString(target.resolve("e2e-public.pem"), Pem.publicKeyPem(keys.getPublic()));
            // the console's dev sign-in signs with it (a key made for this run, under target/, never committed)
            Files.writeString(target.resolve("e2e-private.pem"), privateKeyPem(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        minter = new TokenMinter(keys.getPrivate(), ISSUER);
        String publicKey = "file:" + target.resolve("e2e-public.pem");
        String reportingUrl = "http://localhost:" + REPORTING;
        reporting = new ServiceProcess(
                "reporting-service",
                root,
                REPORTING,
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        jdbcUrl("reporting"),
                        "OGI_JWT_PUBLIC_KEY",
                        publicKey,
                        "OGI_JWT_ISSUER",
                        ISSUER,
                        "OGI_CONSOLE_ORIGINS",
                        CONSOLE_ORIGIN),
                logs);
        this.root = root;
        intakeEnvironment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                jdbcUrl("intake"),
                "OGI_JWT_PUBLIC_KEY",
                publicKey,
                "OGI_JWT_ISSUER",
                ISSUER,
                "OGI_CONSOLE_ORIGINS",
                CONSOLE_ORIGIN,
                "OGI_REPORTING_URL",
                reportingUrl,
                "OGI_INTAKE_SERVICE_TOKEN",
                token(Roles.SERVICE, null, "intake-service", Duration.ofHours(6)),
                "INTAKE_RELAY_MAX_RETRY",
                "PT2S",
                "INTAKE_DIRECTORY_INTERVAL",
                "1s");
        intake = new ServiceProcess("intake-service", root, INTAKE, intakeEnvironment, logs);
        stats = new ServiceProcess(
                "stats-service",
                root,
                STATS,
                Map.ofEntries(
                        Map.entry("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl("stats")),
                        Map.entry("OGI_JWT_PUBLIC_KEY", publicKey),
                        Map.entry("OGI_JWT_ISSUER", ISSUER),
                        Map.entry("OGI_REPORTING_URL", reportingUrl),
                        Map.entry(
                                "OGI_STATS_SERVICE_TOKEN",
                                token(Roles.SERVICE, null, "stats-service", Duration.ofHours(6))),
                        Map.entry("STATS_FEED_POLL_INTERVAL", "0.5s"),
                        // the console: the other services' public URLs, both sign-ins, a quick live refresh
                        Map.entry("STATS_CONSOLE_SERVICES_REPORTING", reportingUrl),
                        Map.entry("STATS_CONSOLE_SERVICES_INTAKE", "http://localhost:" + INTAKE),
                        Map.entry("STATS_CONSOLE_OIDC_ISSUER", ISSUER),
                        Map.entry("STATS_CONSOLE_OIDC_CLIENT_ID", CONSOLE_CLIENT_ID),
                        Map.entry("STATS_CONSOLE_DEV_SIGN_IN_ENABLED", "true"),
                        Map.entry(
                                "STATS_CONSOLE_DEV_SIGN_IN_PRIVATE_KEY",
                                target.resolve("e2e-private.pem").toString()),
                        Map.entry("STATS_CONSOLE_REFRESH_INTERVAL", "2s")),
                logs);
    }

    private static String privateKeyPem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * The JDBC URL of a service's end-to-end database: {@code <service>_e2e}, plus {@code OGI_DB_SUFFIX} when set
     * (so that two checkouts can run the suite at once, each on databases of its own).
     */
    public static String jdbcUrl(String service) {
        return "jdbc:postgresql://localhost:5432/" + service + "_e2e"
                + System.getenv().getOrDefault("OGI_DB_SUFFIX", "");
    }

    /**
     * The platform's keys and processes, none started (the national benchmark runs stats-service alone against a
     * feed of its own). Stopped when the JVM ends, like {@link #get()}.
     */
    public static synchronized Platform unstarted() {
        if (running == null) {
            Platform platform = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll));
            running = platform;
        }
        return running;
    }

    /**
     * A second intake-service on port {@link #SECOND_INTAKE} and the same database as the first (not emptied), as a
     * second instance behind a load balancer would run: its relay delivers from the same outbox.
     * {@code environment} adds or overrides variables. The caller starts and stops it.
     */
    public ServiceProcess secondIntake(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(intakeEnvironment);
        env.putAll(environment);
        return new ServiceProcess(
                "intake-service",
                "intake-service-2",
                root,
                SECOND_INTAKE,
                env,
                root.resolve("end-to-end-tests/target/e2e-logs"),
                ServiceProcess.jvmOptions("intake-service"));
    }

    /** The process id of stats-service (to sample its memory). */
    public long statsPid() {
        return stats.pid();
    }

    /** Stops the three services (they can be started again by their owners). */
    public void stop() {
        stopAll();
    }

    /**
     * stats-service alone on its port and database (emptied), following the change feed at {@code feedUrl}
     * instead of reporting-service's; {@code environment} adds or overrides variables.
     */
    public ServiceProcess statsAlone(String feedUrl, Map<String, String> environment, List<String> jvmOptions) {
        Path root = Path.of(System.getProperty("ogi.root.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Path target = root.resolve("end-to-end-tests/target");
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                jdbcUrl("stats"),
                "OGI_JWT_PUBLIC_KEY",
                "file:" + target.resolve("e2e-public.pem"),
                "OGI_JWT_ISSUER",
                ISSUER,
                "OGI_REPORTING_URL",
                feedUrl,
                "OGI_STATS_SERVICE_TOKEN",
                token(Roles.SERVICE, null, "stats-service", Duration.ofHours(6))));
        env.putAll(environment);
        ServiceProcess alone =
                new ServiceProcess("stats-service", root, STATS, env, target.resolve("e2e-logs"), jvmOptions);
        alone.start(true);
        return alone;
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        Platform platform = unstarted();
        if (!platform.started) {
            platform.reporting.start(true);
            platform.intake.start(true);
            platform.stats.start(true);
            platform.started = true;
        }
        return platform;
    }

    public String token(String role, String jurisdiction, String subject) {
        return token(role, jurisdiction, subject, Duration.ofHours(1));
    }

    /** A token as the identity provider of this run issues it (its issuer, its key). */
    public String token(Set<String> roles, String jurisdiction, String subject, Duration ttl) {
        return minter.mint(subject, roles, jurisdiction, ttl);
    }

    private String token(String role, String jurisdiction, String subject, Duration ttl) {
        return minter.mint(subject, Set.of(role), jurisdiction, ttl);
    }

    /**
     * A token with exactly the given header and claims (JSON), signed RS256 with the platform's trusted key
     * ({@code sign = false}: left unsigned) — for the forged and lax tokens of the fault suite.
     */
    public String rawToken(String headerJson, String claimsJson, boolean sign) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!sign) {
            return input + ".";
        }
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key's PEM, as an attacker who knows it would use it (an HS256 secret). */
    public String publicKeyPem() {
        return Pem.publicKeyPem(keys.getPublic());
    }

    /** The process id of each running service, by name (for the soak's memory samples). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (ServiceProcess p : List.of(intake, reporting, stats)) {
            pids.put(p.name(), p.pid());
        }
        return pids;
    }

    /** A request to reporting-service as an admin. */
    public RequestSpecification reportingAsAdmin() {
        return as(REPORTING, token(Roles.ADMIN, null, "e2e-admin"));
    }

    public RequestSpecification intakeAsAdmin() {
        return as(INTAKE, token(Roles.ADMIN, null, "e2e-admin"));
    }

    public RequestSpecification statsAsAdmin() {
        return as(STATS, token(Roles.ADMIN, null, "e2e-admin"));
    }

    /** A request to the service on {@code port} carrying {@code token}. */
    public static RequestSpecification as(int port, String token) {
        return given().baseUri("http://localhost").port(port).header("Authorization", "Bearer " + token);
    }

    /** Polls until the condition holds, failing with {@code what} after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            ServiceProcess.sleep(200);
        }
    }

    private void stopAll() {
        stats.stop();
        intake.stop();
        reporting.stop();
    }
}
