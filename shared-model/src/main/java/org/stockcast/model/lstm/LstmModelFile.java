package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One zip per model: DL4J's own entries (configuration, coefficients, updater state) plus
 * {@value #META_ENTRY} holding our config and the normaliser constants. DL4J ignores the extra entry.
 */
final class LstmModelFile {
    static final String META_ENTRY = "stockcast-lstm.json";
    static final int FORMAT_VERSION = 1;
    // Models saved before LstmConfig.trainingThreads existed lack it; absent means 0 (= the default thread count).
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** What the zip says besides the weights. */
    record Meta(int formatVersion, LstmConfig config, WindowNormaliser normaliser) {
    }

    record Saved(Meta meta, MultiLayerNetwork network) {
    }

    private LstmModelFile() {
    }

    /** Writes to a temp file next to {@code zip} and renames it, so readers never see a half-written model. */
    static void write(Path zip, MultiLayerNetwork network, Meta meta) throws IOException {
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, dl4j, true);
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its 0600 mode would hide the model from a forecast service running as another user.
        Path temp = dir.resolve(zip.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
                 ZipOutputStream out = new ZipOutputStream(file);
                 ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(META_ENTRY));
                out.write(JSON.writeValueAsBytes(meta));
                out.closeEntry();
            }
            // Durable before the rename: otherwise a crash can leave the new name pointing at an empty file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static Saved read(Path zip) throws IOException {
        Meta meta;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(META_ENTRY);
            if (entry == null) {
                throw new IOException(zip + " is not a stockcast LSTM model: no " + META_ENTRY);
            }
            try (InputStream in = file.getInputStream(entry)) {
                meta = JSON.readValue(in, Meta.class);
            } catch (JacksonException | IllegalArgumentException e) {
                throw new IOException(zip + ": unreadable " + META_ENTRY + ": " + e.getMessage(), e);
            }
        }
        if (meta.formatVersion() != FORMAT_VERSION || meta.config() == null || meta.normaliser() == null) {
            throw new IOException(zip + ": unsupported LSTM model format " + meta.formatVersion());
        }
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(zip + ": unreadable DL4J network: " + e.getMessage(), e);
        }
        long expected = LstmNetworks.parameterCount(meta.config());
        if (network.numParams() != expected) {
            throw new IOException(zip + ": network has " + network.numParams() + " parameters, its config needs "
                    + expected);
        }
        return new Saved(meta, network);
    }
}
