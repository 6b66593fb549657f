package org.maildoctor.bounce.batch;

/** A Postfix-style RFC 3464 bounce for one recipient, shared by the batch tests. */
final class BounceParserSample {
    static final String DSN = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: sender@example.org
            Date: Sun, 6 Dec 2026 01:00:00 +0000
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: text/plain; charset=us-ascii

            <jane@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <jane@example.com>:
                Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)

            --BOUNDARY
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; jane@example.com
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mx.example.com
            Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown

            --BOUNDARY--
            """;

    private BounceParserSample() {
    }
}
