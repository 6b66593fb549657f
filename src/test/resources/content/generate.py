#!/usr/bin/env python3
"""Writes crafted/*.eml and crafted/expected.tsv: a clean control message and one message per known
problem (each mutation of the control triggers exactly one finding id). Re-run after changing a case:
python3 generate.py"""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crafted")
PARA = ("Thank you for your order with Good Test Shop. Your parcel with the blue desk lamp left our warehouse "
        "this morning and should reach you within two working days. You can follow the delivery on our site "
        "and contact our support team if anything is missing or damaged. We hope the lamp lights up your evenings.")
LINK = "https://shop.good.test/orders/1234"

def headers(**over):
    h = [("From", "Good Test Shop <shop@good.test>"), ("To", "jane@example.org"),
         ("Subject", "Your order 1234 has shipped"), ("Date", "Tue, 1 Dec 2026 10:00:00 +0000"),
         ("Message-ID", "<order-1234@good.test>"), ("MIME-Version", "1.0")]
    out = []
    for k, v in h:
        key = k.replace("-", "_").lower()
        if key in over:
            if over[key] is None:
                continue
            v = over[key]
        out.append((k, v))
    for k, v in over.get("extra", []):
        out.append((k, v))
    return out

def html_doc(body):
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Order</title></head><body>"
            + body + "</body></html>")

def control_html(extra=""):
    return html_doc("<p>" + PARA + "</p><p><a href=\"" + LINK + "\">Follow your delivery</a></p>" + extra)

def control_text(extra=""):
    return PARA + "\n\nFollow your delivery: " + LINK + "\n" + extra

def alternative(text, html, boundary="b1", close=True, attachments=()):
    parts = []
    parts.append("--%s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n%s\n" % (boundary, text))
    parts.append("--%s\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n%s\n" % (boundary, html))
    body = "".join(parts) + ("--%s--\n" % boundary if close else "")
    if not attachments:
        return "multipart/alternative; boundary=\"%s\"" % boundary, body
    mixed = "--m1\nContent-Type: multipart/alternative; boundary=\"%s\"\n\n%s\n" % (boundary, body)
    for name, ctype in attachments:
        mixed += ("--m1\nContent-Type: %s; name=\"%s\"\nContent-Disposition: attachment; filename=\"%s\"\n"
                  "Content-Transfer-Encoding: base64\n\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAA\n" % (ctype, name, name))
    mixed += "--m1--\n"
    return "multipart/mixed; boundary=\"m1\"", mixed

def message(hdrs, ctype, body):
    lines = ["%s: %s" % (k, v) for k, v in hdrs] + ["Content-Type: " + ctype, "", body]
    return "\n".join(lines)

cases = []  # (name, expected ids, eml text)

def case(name, ids, hdr=None, text=None, html=None, ctype_body=None, raw=None):
    if raw is None:
        if ctype_body is None:
            ctype_body = alternative(text if text is not None else control_text(),
                                     html if html is not None else control_html())
        raw = message(hdr if hdr is not None else headers(), *ctype_body)
    cases.append((name, ids, raw))

case("control", [])
case("subject-missing", ["subject.missing"], hdr=headers(subject=None))
case("subject-spam-phrases", ["subject.spam-phrases"], hdr=headers(subject="Claim your prize today"))
case("subject-spam-phrases-de", ["subject.spam-phrases"], hdr=headers(subject="Sie haben gewonnen: Ihre Bestellung"))
case("subject-all-caps", ["subject.all-caps"], hdr=headers(subject="YOUR ORDER HAS SHIPPED TODAY"))
case("subject-punctuation", ["subject.excessive-punctuation"], hdr=headers(subject="Your order has shipped!!!"))
case("body-empty", ["body.empty"], ctype_body=("text/plain; charset=utf-8", "\n"))
spam_en = " Act now to get paid."
case("body-spam-phrases", ["body.spam-phrases"], text=control_text(spam_en), html=control_html("<p>" + spam_en + "</p>"))
spam_many = " Act now to get paid with our risk free wire transfer offer."
case("body-spam-phrases-many", ["body.spam-phrases-many"], text=control_text(spam_many), html=control_html("<p>" + spam_many + "</p>"))
spam_fr = " Vous avez gagné un cadeau gratuit."
case("body-spam-phrases-fr", ["body.spam-phrases"], text=control_text(spam_fr), html=control_html("<p>" + spam_fr + "</p>"))
spam_es = " Usted ha ganado dinero fácil."
case("body-spam-phrases-es", ["body.spam-phrases"], text=control_text(spam_es), html=control_html("<p>" + spam_es + "</p>"))
caps = " THIS PARCEL CONTAINS FRAGILE GLASS PLEASE HANDLE WITH GREAT CARE WHEN OPENING THE BOX AND CHECK EVERY PART CAREFULLY. KEEP THE ORIGINAL PACKAGING UNTIL YOU HAVE TESTED THE LAMP AND READ THE SAFETY SHEET THAT COMES WITH IT."
case("body-all-caps", ["body.all-caps"], text=control_text(caps), html=control_html("<p>" + caps + "</p>"))
punct = " Great news!! It is on its way!! Enjoy!! Really!!"
case("body-punctuation", ["body.excessive-punctuation"], text=control_text(punct), html=control_html("<p>" + punct + "</p>"))
case("mime-malformed", ["mime.malformed"], ctype_body=alternative(control_text(), control_html(), close=False))
case("html-only", ["mime.no-text-alternative"], ctype_body=("text/html; charset=utf-8", control_html()))
case("parts-disagree", ["mime.parts-disagree"], text="Quarterly invoice reminder: settle balance via bank portal immediately, "
     "reference XJ-77, accounts payable department.\n")
imgs = "".join("<img src=\"https://shop.good.test/img/%d.png\" alt=\"lamp %d\">" % (i, i) for i in range(3))
case("image-text-ratio", ["html.image-text-ratio"], text="Your lamp has shipped.\n",
     html=html_doc("<p>Your lamp has shipped.</p>" + imgs))
case("image-no-alt", ["html.image-no-alt"], html=control_html("<img src=\"https://shop.good.test/img/lamp.png\">"))
case("tracking-pixel", ["html.tracking-pixel"], html=control_html("<img src=\"https://t.good.test/o.gif\" width=\"1\" height=\"1\" alt=\"\">"))
case("html-too-large", ["html.too-large"], html=html_doc(("<p>" + PARA + "</p>") * 400 + "<p><a href=\"" + LINK + "\">Follow your delivery</a></p>"))
hidden = "<div style=\"display:none\">" + ("cheap watches replica handbags discount pharmacy " * 6) + "</div>"
case("hidden-text", ["html.hidden-text"], html=control_html(hidden))
case("form", ["html.form"], html=control_html("<form action=\"https://shop.good.test/rate\"><input name=\"stars\"></form>"))
case("script", ["html.script"], html=control_html("<script>document.title='x'</script>"))
case("script-handler", ["html.script"], html=control_html("<p onclick=\"alert(1)\">Rate us</p>"))
case("script-url", ["html.script"], html=control_html("<p><a href=\"javascript:void(0)\">Rate us</a></p>"))
case("iframe", ["html.embedded-object"], html=control_html("<iframe src=\"https://shop.good.test/track\"></iframe>"))
case("object", ["html.embedded-object"], html=control_html("<object data=\"https://shop.good.test/x.swf\"></object>"))
case("broken-html", ["html.broken"], html=control_html("<div><table><tr><td>Size</td></div></span></b>"))
case("link-shortener", ["links.shortener"], text=control_text("Survey: https://bit.ly/3xYz"),
     html=control_html("<p>Survey: <a href=\"https://bit.ly/3xYz\">https://bit.ly/3xYz</a></p>"))
case("link-ip-literal", ["links.ip-literal"], text=control_text("Survey: https://192.0.2.7/survey"),
     html=control_html("<p>Survey: <a href=\"https://192.0.2.7/survey\">https://192.0.2.7/survey</a></p>"))
case("link-anchor-mismatch", ["links.anchor-mismatch"], text=control_text("Your bank: www.mybank.example.com"),
     html=control_html("<p>Your bank: <a href=\"https://login.evil.example.net/\">www.mybank.example.com</a></p>"))
many_text = "".join("Item %d https://shop.good.test/item/%d\n" % (i, i) for i in range(45))
many_html = "".join("<p>Item %d <a href=\"https://shop.good.test/item/%d\">https://shop.good.test/item/%d</a></p>" % (i, i, i) for i in range(45))
case("links-too-many", ["links.too-many"], text=control_text(many_text), html=control_html(many_html))
case("link-not-https", ["links.not-https"], text=control_text("Returns: http://shop.good.test/returns"),
     html=control_html("<p>Returns: <a href=\"http://shop.good.test/returns\">http://shop.good.test/returns</a></p>"))
case("attachment-exe", ["attachment.risky-type"], ctype_body=alternative(control_text(), control_html(),
     attachments=[("invoice.exe", "application/octet-stream")]))
case("attachment-docm", ["attachment.risky-type"], ctype_body=alternative(control_text(), control_html(),
     attachments=[("invoice.docm", "application/vnd.ms-word.document.macroEnabled.12")]))
case("from-missing", ["header.from-missing"], hdr=headers(**{"from": None}))
case("from-two-addresses", ["header.from-multiple"], hdr=headers(**{"from": "shop@good.test, sales@good.test"}))
case("from-two-headers", ["header.from-multiple"], hdr=headers(extra=[("From", "sales@good.test")]))
case("from-invalid", ["header.from-invalid"], hdr=headers(**{"from": "shop at good.test"}))
case("date-missing", ["header.date-missing"], hdr=headers(date=None))
case("date-invalid", ["header.date-invalid"], hdr=headers(date="yesterday afternoon"))
case("message-id-missing", ["header.message-id-missing"], hdr=headers(message_id=None))
case("message-id-invalid", ["header.message-id-invalid"], hdr=headers(message_id="order-1234"))
case("mime-version-missing", ["header.mime-version-missing"], hdr=headers(mime_version=None))
case("header-8bit", ["header.8bit"], hdr=headers(subject="Votre commande 1234 a été expédiée"))
case("reply-to-invalid", ["header.reply-to-invalid"], hdr=headers(extra=[("Reply-To", "<<support>>")]))
case("bulk-no-list-unsubscribe", ["header.list-unsubscribe-missing"], hdr=headers(extra=[("Precedence", "bulk")]))
case("one-click-post-missing", ["header.one-click-post-missing"],
     hdr=headers(extra=[("List-Unsubscribe", "<https://shop.good.test/unsub?u=1>"), ("Feedback-ID", "1:shop:good.test")]))
case("one-click-no-https", ["header.one-click-no-https"],
     hdr=headers(extra=[("List-Unsubscribe", "<mailto:unsub@good.test>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                        ("Feedback-ID", "1:shop:good.test")]))
case("one-click-post-invalid", ["header.one-click-post-invalid"],
     hdr=headers(extra=[("List-Unsubscribe", "<https://shop.good.test/unsub?u=1>"), ("List-Unsubscribe-Post", "yes"),
                        ("Feedback-ID", "1:shop:good.test")]))
case("one-click-post-alone", ["header.one-click-without-list-unsubscribe"],
     hdr=headers(extra=[("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]))
# sender and transport signals (spam marks read from the headers)
RECEIVED = "from mail.good.test (mail.good.test [192.0.2.1]) by mx.example.org with ESMTP; Tue, 1 Dec 2026 10:00:05 +0000"
case("subject-exclamation", ["subject.exclamation"], hdr=headers(subject="Your order 1234 has shipped!"))
case("forged-mailer", ["sender.forged-mailer"], hdr=headers(extra=[("X-Mailer", "Microsoft Outlook Express 6.00.2800.1106")]))
case("random-mailer", ["sender.random-mailer"], hdr=headers(extra=[("X-Mailer", "AbopIANCYUGKLQUL7")]))
case("outlook-genuine", [], hdr=headers(message_id="<000801dd817a$1a2b3c40$0200a8c0@desk>",
     extra=[("X-Mailer", "Microsoft Outlook Express 6.00.2800.1106")]))
case("freemail-forged", ["sender.freemail-forged"], hdr=headers(**{"from": "Jane <jane.shop@yahoo.com>"}) + [
     ("Received", "from yahoo.com ([192.0.2.9]) by mx.example.org with SMTP; Tue, 1 Dec 2026 10:00:05 +0000")])
case("freemail-relayed", [], hdr=headers(**{"from": "Jane <jane.shop@yahoo.com>"}) + [
     ("Received", "from web1.mail.yahoo.com (web1.mail.yahoo.com [192.0.2.9]) by mx.example.org with SMTP; Tue, 1 Dec 2026 10:00:05 +0000")])
case("freemail-numbered", ["sender.freemail-numbered"], hdr=headers(**{"from": "Jane <jane4711@gmail.com>"}))
case("reply-to-freemail", ["sender.reply-to-freemail"], hdr=headers(extra=[("Reply-To", "shop.desk@gmail.com")]))
case("date-impossible-zone", ["date.impossible-zone"], hdr=headers(date="Tue, 1 Dec 2026 10:00:00 -0017"))
case("date-skewed", ["date.skewed"], hdr=headers(date="Wed, 2 Dec 2026 10:00:00 +0000") + [("Received", RECEIVED)])
case("date-in-time", [], hdr=headers() + [("Received", RECEIVED)])
case("high-priority", ["headers.high-priority"], hdr=headers(extra=[("X-Priority", "1 (Highest)")]))
case("recipients-hidden", ["headers.recipients-hidden"], hdr=headers(to="undisclosed-recipients:;"))
case("bulk-complete", [],
     hdr=headers(extra=[("List-Unsubscribe", "<https://shop.good.test/unsub?u=1>, <mailto:unsub@good.test>"),
                        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Feedback-ID", "1:shop:good.test"),
                        ("Precedence", "bulk")]))

os.makedirs(HERE, exist_ok=True)
for f in os.listdir(HERE):
    os.remove(os.path.join(HERE, f))
with open(os.path.join(HERE, "expected.tsv"), "w") as t:
    t.write("# file\texpected finding ids (comma-separated; empty: no finding)\n")
    for name, ids, raw in cases:
        with open(os.path.join(HERE, name + ".eml"), "w", newline="\r\n") as f:
            f.write(raw)
        t.write("%s.eml\t%s\n" % (name, ",".join(ids)))
print(len(cases), "cases")
