import Foundation
#if canImport(FoundationXML)
import FoundationXML // XMLParser lives here on Linux
#endif

/// SAX parsers for the small .xlsx parts (workbook, relationships, styles,
/// shared strings). The worksheet itself is in XLSXSheetParser.swift.
/// Element and attribute names are compared without their namespace prefix,
/// because some generators write `<x:sheet>` instead of `<sheet>`.
enum XLSXParts {
    /// The first sheet in workbook order: its relationship id, and whether the
    /// workbook counts dates from 1904 (old Mac Excel).
    static func workbook(_ data: Data) throws -> (firstSheetRelId: String?, date1904: Bool) {
        var relId: String?
        var date1904 = false
        try visitStartElements(data) { name, parents, attributes in
            if name == "sheet", parents.last == "sheets", relId == nil {
                relId = attributes["id"] // r:id, prefix dropped
            } else if name == "workbookPr" {
                let flag = attributes["date1904"]?.lowercased()
                date1904 = flag == "1" || flag == "true"
            }
        }
        return (relId, date1904)
    }

    /// Relationship id -> (type, target) from a .rels part.
    static func relationships(_ data: Data) throws -> [String: (type: String, target: String)] {
        var result: [String: (type: String, target: String)] = [:]
        try visitStartElements(data) { name, _, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            result[id] = (attributes["Type"] ?? "", target)
        }
        return result
    }

    /// Indexes into `cellXfs` whose number format displays a date.
    static func dateStyleIndexes(_ data: Data) throws -> Set<Int> {
        var customFormats: [Int: String] = [:]
        var xfFormatIds: [Int] = []
        try visitStartElements(data) { name, parents, attributes in
            if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init) {
                customFormats[id] = attributes["formatCode"] ?? ""
            } else if name == "xf", parents.last == "cellXfs" { // not cellStyleXfs
                xfFormatIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            }
        }
        var dates: Set<Int> = []
        for (index, formatId) in xfFormatIds.enumerated() {
            let isDate = customFormats[formatId].map(XLSXValues.isDateFormatCode)
                ?? XLSXValues.isBuiltInDateFormat(formatId)
            if isDate { dates.insert(index) }
        }
        return dates
    }

    /// Shared strings in order. Rich text is the concatenation of its runs
    /// (`<r><t>`); phonetic guides (`<rPh>`, used for Japanese) are skipped.
    static func sharedStrings(_ data: Data) throws -> [String] {
        let delegate = SharedStringsDelegate()
        try run(data, delegate: delegate)
        return delegate.strings
    }

    // MARK: - Plumbing

    static func visitStartElements(
        _ data: Data,
        _ visit: @escaping (_ name: String, _ parents: [String], _ attributes: [String: String]) -> Void
    ) throws {
        try run(data, delegate: StartElementVisitor(visit: visit))
    }

    static func run(_ data: Data, delegate: XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false // no XXE from uploaded files
        guard parser.parse() else {
            if let tabular = (delegate as? TabularErrorCarrier)?.tabularError { throw tabular }
            throw TabularError.notExcel
        }
    }

    /// "x:sheet" -> "sheet", "r:id" -> "id".
    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    static func localAttributes(_ attributes: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in attributes where !key.hasPrefix("xmlns") {
            result[localName(key)] = value
        }
        return result
    }
}

/// Lets a delegate that aborted parsing hand back a user-facing reason
/// (e.g. too many rows) instead of the generic "not a valid workbook".
protocol TabularErrorCarrier {
    var tabularError: TabularError? { get }
}

private final class StartElementVisitor: NSObject, XMLParserDelegate {
    private var stack: [String] = []
    private let visit: (String, [String], [String: String]) -> Void

    init(visit: @escaping (String, [String], [String: String]) -> Void) { self.visit = visit }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = XLSXParts.localName(elementName)
        visit(name, stack, XLSXParts.localAttributes(attributes))
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch XLSXParts.localName(elementName) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXParts.localName(elementName) {
        case "si": strings.append(XLSXValues.decodeUnderscoreEscapes(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
