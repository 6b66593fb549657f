package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyModelTest {

    @Test
    void replyCodeFollowsRfc5321Grammar() {
        assertThat(ReplyCode.parse("550")).contains(new ReplyCode(550));
        assertThat(ReplyCode.parse("354")).map(ReplyCode::replyClass).contains(ReplyClass.INTERMEDIATE);
        assertThat(ReplyCode.parse("560")).as("second digit is 0-5").isEmpty();
        assertThat(ReplyCode.parse("650")).isEmpty();
        assertThat(ReplyCode.parse("55")).isEmpty();
        assertThat(ReplyCode.parse("5x0")).isEmpty();
        assertThatThrownBy(() -> new ReplyCode(199)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replyCodeMeaningComesFromRfc5321OrTheClass() {
        assertThat(new ReplyCode(550).meaning()).contains("mailbox unavailable");
        assertThat(new ReplyCode(556).meaning()).contains("null MX");
        assertThat(new ReplyCode(459).isDefined()).isFalse();
        assertThat(new ReplyCode(459).meaning()).startsWith("Transient negative");
    }

    @Test
    void enhancedStatusFollowsRfc3463Grammar() {
        assertThat(EnhancedStatus.parse("5.7.515")).map(EnhancedStatus::registryKey).contains("X.7.515");
        assertThat(EnhancedStatus.parse("4.4.7")).map(EnhancedStatus::isTransientFailure).contains(true);
        assertThat(EnhancedStatus.parse("3.1.1")).as("class is 2, 4 or 5").isEmpty();
        assertThat(EnhancedStatus.parse("5.1")).isEmpty();
        assertThat(EnhancedStatus.parse("5.1000.1")).isEmpty();
        assertThat(EnhancedStatus.parse("5.1.1.1")).isEmpty();
        assertThat(EnhancedStatus.parse("5.1.1").map(EnhancedStatus::subjectKey)).contains("X.1");
    }

    @Test
    void registryKeysAreNormalised() {
        assertThat(EnhancedStatus.registryKeyOf("x.7.01")).contains("X.7.1");
        assertThat(EnhancedStatus.registryKeyOf("5.1.1")).contains("X.1.1");
        assertThat(EnhancedStatus.registryKeyOf("Y.1.1")).isEmpty();
    }

    @Test
    void aReplyNeedsSomething() {
        assertThatThrownBy(() -> new SmtpReply(null, null, java.util.List.of(" "), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonNamesAreSisimaisThirtySix() {
        // The list in corpora/bounces/README.md, "Reason vocabulary".
        String sisimai5 = "authfailure, badreputation, blocked, contenterror, delivered, exceedlimit, expired, failedstarttls,"
                + " feedback, filtered, hasmoved, hostunknown, mailboxfull, mailererror, mesgtoobig, networkerror, norelaying,"
                + " notaccept, notcompliantrfc, onhold, policyviolation, rejected, requireptr, securityerror, spamdetected,"
                + " speeding, suppressed, suspend, syntaxerror, systemerror, systemfull, toomanyconn, undefined, userunknown,"
                + " vacation, virusdetected";
        assertThat(java.util.Arrays.stream(Reason.values()).map(Reason::code).toList())
                .containsExactly(sisimai5.split(",\\s*"));
        assertThat(Reason.fromCode("UserUnknown")).contains(Reason.USERUNKNOWN);
    }

    @Test
    void onlyAddressReasonsAreHardAndNeverOnATransientReply() {
        assertThat(java.util.Arrays.stream(Reason.values()).filter(Reason::hardByDefault))
                .containsExactlyInAnyOrder(Reason.USERUNKNOWN, Reason.HOSTUNKNOWN, Reason.HASMOVED, Reason.NOTACCEPT);
        assertThat(Reason.USERUNKNOWN.isHard(true)).isFalse();
        assertThat(Reason.USERUNKNOWN.isHard(false)).isTrue();
    }
}
