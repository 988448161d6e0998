/// Money as people read and type it. Display is fixed to the house style (`£91,260.00`,
/// `-£1,234.50`) rather than a locale's, so pages, CSVs and tests agree everywhere.
/// Parsing is strict on purpose: it is used on form fields and imported spreadsheets, where
/// guessing ("12.345" as £12.35? "1,2,3" as £123?) would silently change an amount.
extension Money {
    /// "£91,260.00"; negatives "-£1,234.50" (hyphen-minus, so CSV consumers read it as a number).
    public var display: String {
        (pence < 0 ? "-£" : "£") + Money.grouped(pence.magnitude / 100) + "." + Money.twoDigits(pence.magnitude % 100)
    }

    /// "91260.00" / "-1234.50": no symbol or separators, for CSV, JSON feeds and open data.
    public var decimalString: String {
        (pence < 0 ? "-" : "") + String(pence.magnitude / 100) + "." + Money.twoDigits(pence.magnitude % 100)
    }

    /// Parses a typed amount. Accepts an optional leading minus (only when `allowNegative`),
    /// an optional `£`, whole pounds with or without correctly placed thousands commas, and
    /// one or two decimal places: "91260", "91,260.00", "£91,260", "£91,260.5" (50p), "0.07".
    /// Refuses anything else: "", "abc", "12.345", "1,2,3", "1234,567", ".5", "5.".
    public init?(parsing text: some StringProtocol, allowNegative: Bool = false) {
        var rest = Substring(text).trimmingWhitespace()
        var negative = false
        if let first = rest.first, first == "-" || first == "\u{2212}" {
            guard allowNegative else { return nil }
            negative = true
            rest = rest.dropFirst()
        }
        if rest.first == "£" { rest = rest.dropFirst() }

        let halves = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count <= 2, let poundsText = halves.first,
              let pounds = Money.wholePounds(poundsText) else { return nil }
        var fraction: Int64 = 0
        if halves.count == 2 {
            let decimals = halves[1]
            guard (1...2).contains(decimals.count), let value = Money.digits(decimals) else { return nil }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        let (scaled, overflowA) = pounds.multipliedReportingOverflow(by: 100)
        let (total, overflowB) = scaled.addingReportingOverflow(fraction)
        guard !overflowA, !overflowB else { return nil }
        self.init(pence: negative ? -total : total)
    }

    /// "91260" or "91,260" (first group 1–3 digits, then groups of exactly 3).
    private static func wholePounds(_ text: Substring) -> Int64? {
        guard text.contains(",") else { return digits(text) }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), head.first != "0",
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return digits(Substring(groups.joined()))
    }

    /// A non-empty run of ASCII digits as a number, or nil (including on overflow).
    private static func digits(_ text: Substring) -> Int64? {
        guard !text.isEmpty else { return nil }
        var value: Int64 = 0
        for scalar in text.unicodeScalars {
            guard ("0"..."9").contains(scalar) else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(Int64(scalar.value - 48))
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        return value
    }

    private static func grouped(_ pounds: UInt64) -> String {
        let digits = Array(String(pounds))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension Money: CustomStringConvertible {
    public var description: String { display }
}

extension Substring {
    /// Leading and trailing spaces, tabs and newlines removed (Foundation-free).
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
