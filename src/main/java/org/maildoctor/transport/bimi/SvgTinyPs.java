package org.maildoctor.transport.bimi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The basics of the SVG Tiny Portable/Secure profile BIMI logos must follow (the BIMI group's
 * "SVG Tiny PS" specification): an {@code svg} root with {@code version="1.2"} and
 * {@code baseProfile="tiny-ps"}, a {@code title}, a square view box, no scripts, no animation, no
 * raster or foreign content and no references outside the document. Not a full RelaxNG validation.
 */
public final class SvgTinyPs {
    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** The BIMI group recommends logos of at most 32 KB. */
    public static final int RECOMMENDED_MAX_BYTES = 32 * 1024;
    private static final Set<String> FORBIDDEN = Set.of("script", "foreignObject", "image", "video", "audio",
            "animate", "animateColor", "animateMotion", "animateTransform", "set", "iframe", "handler");

    private SvgTinyPs() {
    }

    /** The problems found; empty when the logo meets the checked basics. */
    public static List<String> check(byte[] svg) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(svg));
        } catch (SAXException e) {
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
            problems.add(msg.contains("DOCTYPE") ? "the file has a DOCTYPE; SVG Tiny PS logos must not "
                    + "(entities could pull in outside content)" : "not well-formed XML: " + msg);
            return problems;
        } catch (IOException | ParserConfigurationException e) {
            problems.add("cannot read the SVG: " + e.getMessage());
            return problems;
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            problems.add("the root element is not <svg> in the SVG namespace " + SVG_NS);
            return problems;
        }
        if (!"tiny-ps".equals(root.getAttribute("baseProfile"))) {
            problems.add("baseProfile is '" + root.getAttribute("baseProfile") + "', must be \"tiny-ps\"");
        }
        if (!"1.2".equals(root.getAttribute("version"))) {
            problems.add("version is '" + root.getAttribute("version") + "', must be \"1.2\"");
        }
        if (root.hasAttribute("x") || root.hasAttribute("y")) {
            problems.add("the <svg> root must not have x or y attributes");
        }
        boolean title = false;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "title".equals(e.getLocalName()) && !e.getTextContent().isBlank()) {
                title = true;
            }
        }
        if (!title) {
            problems.add("no <title> child of <svg> (the brand name is required)");
        }
        square(root, problems);
        walk(root, problems);
        return problems;
    }

    private static void square(Element root, List<String> problems) {
        String viewBox = root.getAttribute("viewBox").strip();
        if (!viewBox.isEmpty()) {
            String[] p = viewBox.split("[\\s,]+");
            try {
                if (p.length != 4) {
                    problems.add("viewBox '" + viewBox + "' does not have four numbers");
                } else if (Double.compare(Double.parseDouble(p[2]), Double.parseDouble(p[3])) != 0) {
                    problems.add("the logo is not square: viewBox " + p[2] + " x " + p[3]);
                }
            } catch (NumberFormatException e) {
                problems.add("viewBox '" + viewBox + "' does not have four numbers");
            }
            return;
        }
        String w = root.getAttribute("width");
        String h = root.getAttribute("height");
        if (w.isEmpty() || !w.equals(h)) {
            problems.add("the logo is not shown to be square: no viewBox, width '" + w + "', height '" + h + "'");
        }
    }

    private static void walk(Element e, List<String> problems) {
        String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        if (FORBIDDEN.contains(name)) {
            problems.add("<" + name + "> is not allowed in SVG Tiny PS");
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String lower = local.toLowerCase(Locale.ROOT);
            if (lower.startsWith("on")) {
                problems.add("event handler attribute " + a.getName() + " on <" + name + "> (scripts are not allowed)");
            } else if (lower.equals("href") && !a.getValue().strip().startsWith("#")) {
                problems.add("<" + name + "> refers outside the document: " + a.getName() + "=\"" + a.getValue() + "\"");
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c) {
                walk(c, problems);
            }
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // no DTDs, no entities, no outside access: the SVG comes from a stranger's web server
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }
}
