package org.stockcast.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real model version trained once per test run by a real retrain-service on the seed data, shared by the
 * test classes that need a valid store but not a retrain of their own (stored in JUnit's root context).
 */
record GoldenStore(Path dataDir, Path modelDir, int version) {

    Path versionDir() {
        return modelDir.resolve(Integer.toString(version));
    }

    /** Copies the golden data and model directories into a fresh stack's directories. */
    void copyInto(Stack stack) throws IOException {
        Versions.copyRecursively(dataDir, stack.dataDir);
        Versions.copyRecursively(modelDir, stack.modelDir);
    }

    static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GoldenStore.class);

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == GoldenStore.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getRoot().getStore(NS).getOrComputeIfAbsent(GoldenStore.class, k -> create(), GoldenStore.class);
        }

        private static GoldenStore create() {
            try {
                Path root = Files.createDirectories(SystemTestEnv.workDir().resolve("golden-" + ProcessHandle.current().pid()));
                try (Stack stack = new Stack(GoldenStore.class, root)) {
                    SeedData.seed(stack.dataDir);
                    ServiceProcess retrain = stack.startRetrain();
                    int version = stack.awaitFirstVersion(retrain);
                    retrain.awaitUp(Stack.START_TIMEOUT);
                    return new GoldenStore(stack.dataDir, stack.modelDir, version);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
