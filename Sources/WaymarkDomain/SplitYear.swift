/// Years that straddle two calendar years, labelled the way UK public bodies write them ("2023/24").
///
/// Budgets run by the UK financial year (1 April – 31 March) and school calendars by the
/// academic year (1 September – 31 August); both are identified by the calendar year they
/// start in. One shared implementation keeps the two labels and boundaries consistent.
public protocol SplitYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Month (1...12) on whose 1st the year begins.
    static var firstMonth: Int { get }
    /// The calendar year the split year begins in (2023 for "2023/24").
    var startYear: Int { get }
    /// Nil outside 1...9998, so that both halves have four-digit years.
    init?(startYear: Int)
}

extension SplitYear {
    /// The year containing `day`. (Traps only for days before the first split year of year 1.)
    public init(containing day: Day) {
        let (year, month, _) = day.components
        self.init(unchecked: month >= Self.firstMonth ? year : year - 1)
    }

    /// Parses "2023/24"; nil unless the second part is the year after the first.
    /// Also accepts "2023-24", since spreadsheets often use a hyphen.
    public init?(label: some StringProtocol) {
        let parts = label.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" }
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let start = Int(parts[0]), let end = Int(parts[1]),
              (1...9998).contains(start), end == (start + 1) % 100 else { return nil }
        self.init(unchecked: start)
    }

    /// Years in range by construction; a year 0 or 9999 start is a programming error.
    init(unchecked startYear: Int) {
        guard let year = Self(startYear: startYear) else {
            preconditionFailure("no split year can start in \(startYear)")
        }
        self = year
    }

    /// "2023/24".
    public var label: String {
        "\(Day.pad(startYear, to: 4))/\(Day.pad((startYear + 1) % 100, to: 2))"
    }

    public var description: String { label }

    /// First and last day: 1 Apr 2023 ... 31 Mar 2024 for financial year 2023/24.
    public var range: DayRange {
        let start = Day(startYear, Self.firstMonth, 1)
        return DayRange(uncheckedStart: start, end: start.adding(months: 12).previous)
    }

    public var next: Self { Self(unchecked: startYear + 1) }
    public var previous: Self { Self(unchecked: startYear - 1) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.startYear < rhs.startYear }

    /// Encoded as the label, which is what people type and read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(label: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a year label like 2023/24")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}

/// The UK government financial year, 1 April to 31 March.
public struct FinancialYear: SplitYear {
    public static let firstMonth = 4
    public let startYear: Int

    /// The financial year beginning 1 April of `startYear`; nil outside 1...9998.
    public init?(startYear: Int) {
        guard (1...9998).contains(startYear) else { return nil }
        self.startYear = startYear
    }
}

/// The school academic year in England, 1 September to 31 August.
public struct AcademicYear: SplitYear {
    public static let firstMonth = 9
    public let startYear: Int

    /// The academic year beginning 1 September of `startYear`; nil outside 1...9998.
    public init?(startYear: Int) {
        guard (1...9998).contains(startYear) else { return nil }
        self.startYear = startYear
    }
}

extension Day {
    /// The UK financial year (1 Apr – 31 Mar) containing this day.
    public var financialYear: FinancialYear { FinancialYear(containing: self) }

    /// The academic year (1 Sep – 31 Aug) containing this day.
    public var academicYear: AcademicYear { AcademicYear(containing: self) }
}
