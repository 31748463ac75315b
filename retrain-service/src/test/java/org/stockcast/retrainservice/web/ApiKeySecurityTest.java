package org.stockcast.retrainservice.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.stockcast.retrainservice.retrain.EventStreams;
import org.stockcast.retrainservice.retrain.JobService;
import org.stockcast.retrainservice.retrain.RetrainJob;

/** With inventory.retrain.api-key set, POSTs need the bearer token; reads stay open. */
@WebMvcTest(controllers = {RetrainController.class, PageController.class},
        properties = "inventory.retrain.api-key=s3cret-key")
@Import({UploadReader.class, ApiKeySecurity.class})
class ApiKeySecurityTest {
    private static final MockMultipartFile SAMPLE = new MockMultipartFile("file", "sample.csv", "text/csv",
            "date,sales\n2025-09-01,3\n".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    EventStreams streams;

    @Test
    void withoutTheTokenPostsAre401ProblemJson() throws Exception {
        mvc.perform(multipart("/retrain").file(SAMPLE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
        mvc.perform(multipart("/retrain/jobs").file(SAMPLE).header("Authorization", "Bearer wrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The API key is not valid"));
        mvc.perform(multipart("/retrain/jobs").file(SAMPLE).header("Authorization", "Basic s3cret-key"))
                .andExpect(status().isUnauthorized());
        verify(jobs, never()).start(any(), any());
    }

    @Test
    void withTheTokenTheUploadIsAccepted() throws Exception {
        RetrainJob job = mock(RetrainJob.class);
        when(job.id()).thenReturn("job-9");
        when(jobs.start(any(), any())).thenReturn(job);
        mvc.perform(multipart("/retrain/jobs").file(SAMPLE).header("Authorization", "Bearer s3cret-key"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.jobId").value("job-9"));
    }

    @Test
    void readsNeedNoToken() throws Exception {
        when(jobs.list()).thenReturn(List.of());
        mvc.perform(get("/retrain/jobs")).andExpect(status().isOk());
        mvc.perform(get("/retrain/settings")).andExpect(status().isOk())
                .andExpect(jsonPath("$.apiKeyRequired").value(true));
    }
}
