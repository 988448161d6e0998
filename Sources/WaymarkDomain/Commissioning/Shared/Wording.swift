import Foundation

/// Small pieces of wording shared by the commissioning rules' messages and working, so that
/// counts, route lists and ordinals read the same on every page.
public enum Wording {
    /// "1 route", "3 routes".
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        FundingSource.count(n, noun, plural: plural)
    }

    /// "50,000".
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "22nd".
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// Routes named when their names are known ("W7 and W9"), counted otherwise ("2 routes"),
    /// in a stable order so messages do not change between runs.
    static func routes(_ ids: some Collection<UUID>, names: [UUID: String]) -> String {
        let sorted = ids.sorted { $0.sortsBefore($1) }
        let named = sorted.compactMap { names[$0] }
        guard named.count == sorted.count, !named.isEmpty else { return count(sorted.count, "route") }
        return (sorted.count == 1 ? "route " : "routes ") + named.sorted().joinedAsList()
    }

    /// Whether text has something other than spaces and newlines in it.
    static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Characters of text once leading and trailing spaces are ignored.
    static func trimmedLength(_ text: String) -> Int {
        text.trimmingCharacters(in: .whitespacesAndNewlines).count
    }
}
