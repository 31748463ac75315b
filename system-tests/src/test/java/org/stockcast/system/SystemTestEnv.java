package org.stockcast.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths handed over by failsafe (see system-tests/pom.xml), with fallbacks for running a test from an IDE. */
final class SystemTestEnv {
    private SystemTestEnv() {
    }

    static Path repoRoot() {
        String root = System.getProperty("repo.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }

    static Path jar(ServiceProcess.Service service) {
        String jar = System.getProperty(service.jarProperty);
        Path p = jar != null ? Path.of(jar)
                : repoRoot().resolve(service.name + "/target/" + service.name + "-1.0.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(p + " missing: run through the reactor (mvn verify) so the service is packaged"
                    + " before system-tests");
        }
        return p;
    }

    /** Logs and other files worth keeping after a run (target/system-tests-work). */
    static Path workDir() {
        String w = System.getProperty("systemtests.work");
        return (w != null ? Path.of(w) : repoRoot().resolve("system-tests/target/system-tests-work"))
                .toAbsolutePath();
    }

    static Path logFile(Class<?> testClass, String name) {
        return workDir().resolve("logs").resolve(testClass.getSimpleName()).resolve(name + ".log");
    }
}
