import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG string parsed with XMLParser into a flat list of elements, for asserting on what a
/// server-drawn chart contains. Parsing at all proves the markup is well-formed XML.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        /// Position in document order.
        let index: Int
        let name: String
        let attributes: [String: String]
        /// Text directly and indirectly inside the element.
        var text: String
        /// Indexes of the enclosing elements, outermost first.
        let ancestors: [Int]
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var parseError: Error?

    /// Nil when `svg` is not well-formed XML.
    init?(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse(), parseError == nil, !elements.isEmpty else { return nil }
    }

    var root: Element { elements[0] }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func withClass(_ className: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// Elements named `name` inside `element`, at any depth.
    func descendants(of element: Element, named name: String) -> [Element] {
        elements.filter { $0.name == name && $0.ancestors.contains(element.index) }
    }

    /// Elements named `name` whose direct parent is `element`.
    func children(of element: Element, named name: String) -> [Element] {
        elements.filter { $0.name == name && $0.ancestors.last == element.index }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(Element(index: elements.count, name: elementName, attributes: attributeDict, text: "", ancestors: open))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        self.parseError = parseError
    }
}
