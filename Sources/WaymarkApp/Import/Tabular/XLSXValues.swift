import Foundation

/// Pure helpers that turn raw SpreadsheetML cell data into the text a user
/// would expect to see, kept apart from the XML plumbing so they are easy to test.
enum XLSXValues {
    /// "B3" -> 1 (zero-based column). Returns nil for refs without letters.
    static func columnIndex(fromReference ref: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in ref.unicodeScalars {
            guard let letter = asciiUpperLetter(scalar) else { break } // stop at the row digits
            index = index * 26 + Int(letter - 64)
            sawLetter = true
            if index > 16_384 { return nil } // beyond XFD: not a real Excel column
        }
        return sawLetter ? index - 1 : nil
    }

    /// 0 -> "A", 27 -> "AB": used when writing cell references.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let rem = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rem))) + name
            n = (n - 1) / 26
        }
        return name
    }

    private static func asciiUpperLetter(_ scalar: UnicodeScalar) -> UInt32? {
        switch scalar.value {
        case 65...90: return scalar.value
        case 97...122: return scalar.value - 32
        default: return nil
        }
    }

    /// Numbers as a person typed them: 42.0 -> "42", 0.30000000000000004 -> "0.3".
    /// Excel itself shows at most 15 significant digits, so we round to that.
    static func formatNumber(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(format: "%.15g", value)
        // Exponent notation ("1.5e-07") is rare in our imports; keep the stored text.
        return text.contains("e") ? raw : text
    }

    /// Excel serial day number to "yyyy-MM-dd" (plus " HH:mm[:ss]" when there is a
    /// time part). 1900 system: serial 1 = 1900-01-01 and serial 60 is Excel's
    /// fictitious 1900-02-29 (kept for Lotus 1-2-3 compatibility), so serials
    /// from 61 on are offset by one day. 1904 system (old Mac workbooks): serial 0
    /// = 1904-01-01. Returns nil for values that are not a plausible date.
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 { day += 1; seconds = 0 }

        let date: String
        if !date1904 && day == 60 {
            date = "1900-02-29"
        } else {
            // Days since 1970-01-01 (1899-12-31 is -25568, 1904-01-01 is -24107).
            let unixDays = date1904 ? day - 24_107 : (day < 60 ? day - 25_568 : day - 25_569)
            let (y, m, d) = civilDate(daysSinceEpoch: unixDays)
            date = String(format: "%04d-%02d-%02d", y, m, d)
        }
        guard seconds > 0 else { return date }
        let (h, mi, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return date + (s == 0 ? String(format: " %02d:%02d", h, mi) : String(format: " %02d:%02d:%02d", h, mi, s))
    }

    /// Howard Hinnant's days-from-civil inverse: proleptic Gregorian, no
    /// Calendar/TimeZone involved, so the server's time zone cannot shift a date.
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Built-in number formats that show a date: 14–17 and 22 (date-time),
    /// plus the East Asian locale dates 27–36 and 50–58. 18–21 and 45–47 are
    /// time-only formats and are deliberately left as numbers.
    static func isBuiltInDateFormat(_ id: Int) -> Bool {
        (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// A custom format code is a date if, once literals are removed, it uses
    /// a day or year token, or months without hours/seconds ("mmm yyyy"):
    /// "m" next to "h" or "s" means minutes.
    static func isDateFormatCode(_ code: String) -> Bool {
        let firstSection = code.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        var tokens = ""
        var iterator = firstSection.makeIterator()
        while let ch = iterator.next() {
            switch ch {
            case "\"": while let next = iterator.next(), next != "\"" {} // quoted literal text
            case "[": // [Red], [$-409] are not date tokens; [h], [mm] (elapsed time) are
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                if inside.lowercased().allSatisfy({ "hms".contains($0) }) { tokens += inside }
            case "\\", "_", "*": _ = iterator.next()                     // escaped / padding char
            default: tokens.append(ch)
            }
        }
        let lower = tokens.lowercased()
        if lower.contains("y") || lower.contains("d") { return true }
        return lower.contains("m") && !lower.contains("h") && !lower.contains("s")
    }

    // MARK: - Excel's "_xHHHH_" character escapes

    /// Excel stores characters XML cannot hold (and a literal "_xHHHH_") as
    /// "_xHHHH_" in string cells, e.g. a carriage return as "_x000D_".
    static func decodeUnderscoreEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text } // fast path: almost always
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
               hex.dropLast().allSatisfy(\.isHexDigit), let scalar = UnicodeScalar(code) {
                out.unicodeScalars.append(scalar)
                rest = rest[hex.endIndex...]
            } else {
                out += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return out + rest
    }

    /// The inverse for literal text: "_x0041_" is written as "_x005F_x0041_"
    /// so Excel shows it as typed instead of as "A".
    static func encodeUnderscoreEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        // Only "_x" that starts a decodable sequence is escaped; any other "_x"
        // is shown literally by Excel and must stay as it is.
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            let isEscapeLike = hex.count == 5 && hex.last == "_" && hex.dropLast().allSatisfy(\.isHexDigit)
            out += isEscapeLike ? "_x005F_x" : "_x"
            rest = rest[start.upperBound...]
        }
        return out + rest
    }
}
