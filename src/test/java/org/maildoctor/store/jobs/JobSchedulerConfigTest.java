package org.maildoctor.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobSchedulerConfigTest {

    @Test
    void defaultsBeatEveryMinuteWithAUniqueNodeName() {
        JobSchedulerConfig c = JobSchedulerConfig.defaults();
        assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.nodeName()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(c.nodeName().length()).isLessThanOrEqualTo(JobSchedulerConfig.MAX_NODE_NAME);
    }

    @Test
    void rejectsNamesThatDoNotFitPickedBy() {
        assertThatThrownBy(() -> JobSchedulerConfig.defaults().withNodeName("n".repeat(51)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobSchedulerConfig.defaults().withNodeName(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonPositiveIntervals() {
        assertThatThrownBy(() -> JobSchedulerConfig.defaults().withHeartbeatInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobSchedulerConfig.defaults().withPollingInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
