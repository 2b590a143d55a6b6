package org.rebond.calendar;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WebDAV multistatus answers read into plain values, with an XML parser that refuses DOCTYPEs and
 * external entities (the server's answer is untrusted input, DESIGN I4).
 */
final class DavXml {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String CS = "http://calendarserver.org/ns/";

    /** One {@code response}: its href, its own status (0 when it has propstats instead) and the properties found (200). */
    record DavResponse(String href, int status, Map<String, Element> props) {
        Optional<Element> prop(String ns, String local) {
            return Optional.ofNullable(props.get("{" + ns + "}" + local));
        }

        String text(String ns, String local) {
            return prop(ns, local).map(e -> e.getTextContent().strip()).orElse("");
        }

        /** The href inside a property such as {@code current-user-principal}, or empty. */
        String hrefIn(String ns, String local) {
            return prop(ns, local).flatMap(e -> child(e, DAV, "href")).map(e -> e.getTextContent().strip()).orElse("");
        }

        boolean hasChild(String ns, String local, String childNs, String childLocal) {
            return prop(ns, local).flatMap(e -> child(e, childNs, childLocal)).isPresent();
        }
    }

    record MultiStatus(List<DavResponse> responses, String syncToken) {}

    private DavXml() {}

    static MultiStatus parse(byte[] xml, String what) {
        Document doc = document(xml, what);
        Element root = doc.getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new CalendarSourceException(what + ": the server did not answer with a WebDAV multistatus");
        }
        List<DavResponse> out = new ArrayList<>();
        String token = child(root, DAV, "sync-token").map(e -> e.getTextContent().strip()).orElse("");
        for (Element response : children(root, DAV, "response")) {
            String href = child(response, DAV, "href").map(e -> e.getTextContent().strip()).orElse("");
            int status = child(response, DAV, "status").map(e -> statusCode(e.getTextContent())).orElse(0);
            Map<String, Element> props = new LinkedHashMap<>();
            for (Element propstat : children(response, DAV, "propstat")) {
                int code = child(propstat, DAV, "status").map(e -> statusCode(e.getTextContent())).orElse(200);
                if (code / 100 != 2) continue;
                child(propstat, DAV, "prop").ifPresent(prop -> {
                    for (Element p : children(prop, null, null)) {
                        props.put("{" + p.getNamespaceURI() + "}" + p.getLocalName(), p);
                    }
                });
            }
            out.add(new DavResponse(href, status, props));
        }
        return new MultiStatus(out, token);
    }

    /** Whether an error body names the precondition (e.g. {@code valid-sync-token}). */
    static boolean names(byte[] xml, String local) {
        try {
            Document doc = document(xml, "error");
            return doc.getElementsByTagNameNS("*", local).getLength() > 0;
        } catch (CalendarSourceException e) {
            return false;
        }
    }

    private static Document document(byte[] xml, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new CalendarSourceException(what + ": the server's XML answer could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Optional<Element> child(Element parent, String ns, String local) {
        List<Element> all = children(parent, ns, local);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (ns == null || ns.equals(e.getNamespaceURI())) && (local == null || local.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Escapes text for an XML body (hrefs in a multiget). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
