package cn.ogi.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service jar run as a real process on its own port and database, which can be stopped and restarted. */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The JVM settings of deploy/local/start (see the README, "Memory"): a bounded heap and the serial collector,
     * sized from the RSS measured under the fault suite and the soak; {@code OGI_JAVA_OPTS} replaces them.
     */
    static final List<String> JVM_OPTIONS = List.of(System.getenv()
            .getOrDefault(
                    "OGI_JAVA_OPTS",
                    "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m "
                            + "-XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError")
            .trim()
            .split("\\s+", -1));

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final Optional<String> coverageAgent;
    private final List<String> jvmOptions;
    private Process process;

    ServiceProcess(String name, Path root, int port, Map<String, String> environment, Path logs) {
        this(name, root, port, environment, logs, jvmOptions(name));
    }

    ServiceProcess(
            String name, Path root, int port, Map<String, String> environment, Path logs, List<String> jvmOptions) {
        this(name, name, root, port, environment, logs, jvmOptions);
    }

    /**
     * A second process of the same jar ({@code instance} names its log and coverage file, e.g. {@code
     * intake-service-2}).
     */
    ServiceProcess(
            String name,
            String instance,
            Path root,
            int port,
            Map<String, String> environment,
            Path logs,
            List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
        this.name = name;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.environment = environment;
        this.log = logs.resolve(instance + ".log");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package (or the whole build) first");
        }
        this.coverageAgent = coverageAgent(root.resolve("end-to-end-tests/target/jacoco-e2e-" + instance + ".exec"));
    }

    int port() {
        return port;
    }

    /** The operating-system process id, or -1 when it is not running (to sample its memory). */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    String name() {
        return name;
    }

    /**
     * The JVM options of a service: {@link #JVM_OPTIONS}, or what the system property {@code ogi.jvm.<service>}
     * says (space-separated; the benchmarks size the heap they measure).
     */
    static List<String> jvmOptions(String service) {
        String options = System.getProperty("ogi.jvm." + service);
        if (options == null) {
            return JVM_OPTIONS;
        }
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+", -1));
    }

    /** Starts the jar; {@code clean} empties its database first (only on the first start of a run). */
    public void start(boolean clean) {
        Map<String, String> env = new HashMap<>();
        if (OtlpReceiver.tracing()) {
            env.putAll(OtlpReceiver.exporterEnvironment());
        }
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(clean));
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", String.valueOf(!clean));
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        coverageAgent.ifPresent(command::add);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    /** A graceful stop (SIGTERM), then a kill if it does not go within 20 s. */
    public void stop() {
        end(false);
    }

    /** SIGKILL: the process dies wherever it is, as in a crash. */
    void kill() {
        end(true);
    }

    private void end(boolean force) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            if (force) {
                process.destroyForcibly();
            } else {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; its log ends:\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(
                name + " not ready after " + timeout.toSeconds() + " s; its log ends:\n" + tail());
    }

    /**
     * The JaCoCo agent option when the build asks for coverage ({@code ogi.e2e.jacoco.agent}: the agent jar, set by
     * the module's pom; {@code ogi.e2e.jacoco.skip=true} turns it off). The process appends to {@code file} over its
     * restarts (a killed one loses what it had not written); a previous run's file is removed first, as this runs
     * once per service and run.
     */
    private static Optional<String> coverageAgent(Path file) {
        String agent = System.getProperty("ogi.e2e.jacoco.agent", "");
        if (agent.isBlank() || Boolean.getBoolean("ogi.e2e.jacoco.skip") || !Files.isRegularFile(Path.of(agent))) {
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous run's coverage " + file, e);
        }
        return Optional.of("-javaagent:" + agent + "=destfile=" + file + ",append=true,includes=cn.ogi.*");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
