package org.stockcast.retrainservice.web;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.stockcast.retrainservice.retrain.EventStreams;
import org.stockcast.retrainservice.retrain.JobKind;
import org.stockcast.retrainservice.retrain.JobNotFoundException;
import org.stockcast.retrainservice.retrain.JobService;
import org.stockcast.retrainservice.retrain.RetrainBusyException;
import org.stockcast.retrainservice.retrain.RetrainJob;
import reactor.core.publisher.Flux;

/** Request handling and problem+json of the retrain endpoints; the job machinery is mocked. */
@WebMvcTest(controllers = {RetrainController.class, PageController.class},
        properties = "inventory.upload.max-bytes=2KB")
@Import({UploadReader.class, ApiKeySecurity.class})
class RetrainControllerTest {
    private static final String SAMPLE = """
            date,product_id,category,region,price,discount,rating,sales,profit
            2025-09-01,P021,Electronics,North,14999,10,4.5,320,120000
            2025-09-02,P021,Electronics,North,14999,12,4.6,350,135000
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    EventStreams streams;

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startsAJobAndAnswers202WithTheEventsUrl() throws Exception {
        RetrainJob job = mock(RetrainJob.class);
        when(job.id()).thenReturn("job-1");
        when(jobs.start(eq(JobKind.UPLOAD), any())).thenReturn(job);

        mvc.perform(multipart("/retrain/jobs").file(csv("sample.csv", SAMPLE)).param("epochs", "3"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/retrain/jobs/job-1"))
                .andExpect(jsonPath("$.jobId").value("job-1"))
                .andExpect(jsonPath("$.events").value("/retrain/jobs/job-1/events"));
        verify(jobs).start(eq(JobKind.UPLOAD), org.mockito.ArgumentMatchers.argThat(r ->
                r.upload().orElseThrow().size() == 2 && r.fileName().equals("sample.csv") && r.fineTune()
                        && r.epochs().getAsInt() == 3));
    }

    @Test
    void postRetrainStreamsTheJobsEventsAsServerSentEvents() throws Exception {
        RetrainJob job = mock(RetrainJob.class);
        when(job.id()).thenReturn("job-2");
        when(jobs.start(eq(JobKind.UPLOAD), any())).thenReturn(job);
        when(streams.stream(job, 0)).thenReturn(Flux.just(
                ServerSentEvent.<Object>builder(Map.of("jobId", "job-2")).id("1").event("progress").build(),
                ServerSentEvent.<Object>builder(Map.of("status", "success")).id("2").event("result").build()));

        MvcResult started = mvc.perform(multipart("/retrain").file(csv("sample.csv", SAMPLE)))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM))
                .andExpect(content().string("id:1\nevent:progress\ndata:{\"jobId\":\"job-2\"}\n\n"
                        + "id:2\nevent:result\ndata:{\"status\":\"success\"}\n\n"));
    }

    @Test
    void invalidRowsAre400NamingFileRowAndColumn() throws Exception {
        String bad = "date,product_id,sales\n2025-09-01,P021,-5\n2025-09-02,,7\n";
        mvc.perform(multipart("/retrain").file(csv("bad.csv", bad)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.file").value("bad.csv"))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("sales"))
                .andExpect(jsonPath("$.errors[0].value").value("-5"))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty())
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].column").value("product_id"));
        verify(jobs, never()).start(any(), any());
    }

    @Test
    void aMissingHeaderColumnIs400() throws Exception {
        mvc.perform(multipart("/retrain").file(csv("nosales.csv", "date,product_id\n2025-09-01,P021\n")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.file").value("nosales.csv"));
    }

    @Test
    void binaryContentIs415() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe};
        mvc.perform(multipart("/retrain").file(new MockMultipartFile("file", "data.xlsx", "application/zip", zip)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.file").value("data.xlsx"));
    }

    @Test
    void aFileAboveTheUploadLimitIs413() throws Exception {
        StringBuilder big = new StringBuilder("date,sales\n");
        for (int day = 1; big.length() <= 4096; day++) {
            big.append(java.time.LocalDate.of(2024, 1, 1).plusDays(day)).append(",10\n");
        }
        mvc.perform(multipart("/retrain/jobs").file(csv("big.csv", big.toString())))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.file").value("big.csv"))
                .andExpect(jsonPath("$.title").value("Upload too large"));
        verify(jobs, never()).start(any(), any());
    }

    @Test
    void aRunningRetrainGives409WithItsJobId() throws Exception {
        doThrow(new RetrainBusyException("running-7")).when(jobs).checkIdle();
        mvc.perform(multipart("/retrain").file(csv("sample.csv", SAMPLE)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.job_id").value("running-7"))
                .andExpect(jsonPath("$.jobId").value("running-7"))
                .andExpect(jsonPath("$.events").value("/retrain/jobs/running-7/events"));
        verify(jobs, never()).start(any(), any());
    }

    @Test
    void aJobStartedByAnotherClientDuringValidationAlsoGives409() throws Exception {
        when(jobs.start(any(), any())).thenThrow(new RetrainBusyException("late-1"));
        mvc.perform(multipart("/retrain/jobs").file(csv("sample.csv", SAMPLE)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.job_id").value("late-1"));
    }

    @Test
    void missingFilePartAndBadEpochsAre400() throws Exception {
        mvc.perform(multipart("/retrain/jobs").param("epochs", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/retrain/jobs").file(csv("sample.csv", SAMPLE)).param("epochs", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(jobs, never()).start(any(), any());
    }

    @Test
    void aRequestThatIsNotMultipartIs415() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/retrain")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownJobIs404() throws Exception {
        when(jobs.get("nope")).thenThrow(new JobNotFoundException("nope"));
        mvc.perform(get("/retrain/jobs/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.job_id").value("nope"));
    }

    @Test
    void servesThePageAndItsSettings() throws Exception {
        mvc.perform(get("/retrain-page"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/html")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("new EventSource(")));
        mvc.perform(get("/retrain/settings"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forecastUrl").value("http://localhost:8001/docs"))
                .andExpect(jsonPath("$.apiKeyRequired").value(false))
                .andExpect(jsonPath("$.defaultEpochs").value(50))
                .andExpect(jsonPath("$.maxUploadBytes").value(2048));
    }

    @Test
    void lastEventIdParsing() {
        org.assertj.core.api.Assertions.assertThat(RetrainController.parseEventId(null)).isZero();
        org.assertj.core.api.Assertions.assertThat(RetrainController.parseEventId(" 12 ")).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(RetrainController.parseEventId("-3")).isZero();
        org.assertj.core.api.Assertions.assertThat(RetrainController.parseEventId("x")).isZero();
    }
}
