import Foundation

/// The two upload formats we accept. Legacy .xls (binary BIFF) and .ods are
/// deliberately not supported: `detect` returns nil and the caller tells the
/// user to save as CSV or .xlsx.
enum TabularFormat: String, Sendable, Equatable {
    case csv
    case xlsx

    /// Decides the format from what the browser told us, then from the bytes.
    /// Order: file extension, then content type, then magic bytes. One
    /// exception: bytes that start with a ZIP signature are always treated as
    /// .xlsx, because a ZIP can never be valid CSV and people do rename files.
    static func detect(filename: String?, contentType: String?, data: Data) -> TabularFormat? {
        let isZip = data.starts(with: zipMagic)
        if isZip { return .xlsx }

        if let ext = filename.flatMap(fileExtension) {
            switch ext {
            case "csv": return .csv
            case "xlsx": return .xlsx
            case "xls", "xlsm", "xlsb", "ods", "numbers": return nil
            default: break // e.g. ".txt" or no extension: look further
            }
        }

        if let type = contentType.map(mediaType) {
            switch type {
            case "text/csv", "application/csv", "text/comma-separated-values", "text/x-csv":
                return .csv
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                return .xlsx
            // Windows browsers label .csv as "application/vnd.ms-excel" when Excel
            // is installed, so that type (and octet-stream) proves nothing: fall through.
            default: break
            }
        }

        // Not a ZIP; if it is readable text without NULs, it is probably CSV.
        // Anything else (e.g. an OLE .xls) is refused.
        if data.isEmpty { return .csv } // the reader then says "The file is empty"
        if !data.contains(0), String(data: data.prefix(4096), encoding: .utf8) != nil
            || looksLikeTruncatedUTF8(data.prefix(4096)) {
            return .csv
        }
        return nil
    }

    /// "PK\u{3}\u{4}": local file header of a ZIP, which every .xlsx is.
    static let zipMagic = Data([0x50, 0x4B, 0x03, 0x04])

    private static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.endIndex else { return nil }
        let ext = name[name.index(after: dot)...].trimmingCharacters(in: .whitespaces)
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// "text/csv; charset=utf-8" -> "text/csv".
    private static func mediaType(_ contentType: String) -> String {
        let base = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return base.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Cutting text at 4096 bytes may split a multi-byte character; allow up to
    /// three dangling bytes before deciding the sample is not UTF-8.
    private static func looksLikeTruncatedUTF8(_ sample: Data) -> Bool {
        for cut in 1...3 where sample.count > cut {
            if String(data: sample.dropLast(cut), encoding: .utf8) != nil { return true }
        }
        return false
    }
}
