import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx (Office Open XML) workbook.
/// Only what an import needs: cell values of one sheet. Formulas are not
/// evaluated; the value Excel cached when the file was saved is used.
enum XLSXReader {
    /// Guard against "zip bombs": the parts read may together inflate to no more than this,
    /// which is ample for the largest import (20,000 rows) and keeps the server's memory for
    /// one upload well under 100 MB. Checked against what actually comes out, not what the
    /// archive declares.
    static let maxUnpackedBytes = 40 * 1024 * 1024

    static func readFirstSheet(_ data: Data) throws -> [TabularReader.RawRow] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw TabularError.notExcel
        }

        // workbook.xml lists sheets in tab order; its .rels maps the first
        // sheet's r:id to the part that holds it (usually worksheets/sheet1.xml,
        // but not after sheets were reordered or renamed).
        var budget = maxUnpackedBytes
        func part(_ path: String) throws -> Data? { try Self.part(path, in: archive, budget: &budget) }
        guard let workbookData = try part("xl/workbook.xml") else { throw TabularError.notExcel }
        let workbook = try XLSXParts.workbook(workbookData)
        let rels = try part("xl/_rels/workbook.xml.rels").map(XLSXParts.relationships) ?? [:]

        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relId = workbook.firstSheetRelId, let target = rels[relId]?.target {
            sheetPath = resolve(target)
        }
        guard let sheetData = try part(sheetPath) else { throw TabularError.notExcel }

        let sharedStringsPath = rels.values.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) }
            ?? "xl/sharedStrings.xml"
        let stylesPath = rels.values.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target) }
            ?? "xl/styles.xml"
        let sharedStrings = try part(sharedStringsPath).map(XLSXParts.sharedStrings) ?? []
        let dateStyles = try part(stylesPath).map(XLSXParts.dateStyleIndexes) ?? []

        let sheet = XLSXSheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles,
                                    date1904: workbook.date1904,
                                    maxNonBlankRows: TabularReader.maxRows + 1) // + header
        try XLSXParts.run(sheetData, delegate: sheet)
        return sheet.rows
    }

    /// A relationship target is relative to xl/ unless it starts with "/".
    static func resolve(_ target: String) -> String {
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        var parts: [Substring] = []
        for component in path.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(component) }
        }
        return parts.joined(separator: "/")
    }

    /// The bytes of one ZIP entry, or nil if absent. Paths are matched
    /// case-insensitively as a fallback: some generators differ in case.
    /// `budget`: the bytes the parts still read may unpack to; each part spends its size.
    static func part(_ path: String, in archive: Archive, budget: inout Int) throws -> Data? {
        let entry = archive[path] ?? archive.first { $0.path.lowercased() == path.lowercased() }
        guard let entry, entry.type == .file else { return nil }
        let tooLarge = TabularError.unpacksTooLarge(megabytes: maxUnpackedBytes / 1024 / 1024)
        guard entry.uncompressedSize <= UInt64(max(0, budget)) else { throw tooLarge }
        var data = Data()
        let allowed = budget
        do {
            _ = try archive.extract(entry) { chunk in
                // The declared size can lie; count what actually comes out.
                guard data.count + chunk.count <= allowed else { throw tooLarge }
                data.append(chunk)
            }
        } catch let error as TabularError {
            throw error
        } catch {
            throw TabularError.notExcel // corrupt entry / bad checksum
        }
        budget -= data.count
        return data
    }
}
