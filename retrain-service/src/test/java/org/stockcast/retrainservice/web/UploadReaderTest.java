package org.stockcast.retrainservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadReaderTest {

    @Test
    void displayNameKeepsOnlyTheLastPathSegmentWithoutControlCharacters() {
        assertThat(UploadReader.displayName("sales.csv")).isEqualTo("sales.csv");
        assertThat(UploadReader.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadReader.displayName("C:\\Users\\me\\q3.csv")).isEqualTo("q3.csv");
        assertThat(UploadReader.displayName("a\nb\u0000.csv")).isEqualTo("ab.csv");
        assertThat(UploadReader.displayName("dir/")).isEqualTo(UploadReader.DEFAULT_NAME);
        assertThat(UploadReader.displayName(null)).isEqualTo(UploadReader.DEFAULT_NAME);
        assertThat(UploadReader.displayName("x".repeat(500))).hasSize(200);
    }
}
