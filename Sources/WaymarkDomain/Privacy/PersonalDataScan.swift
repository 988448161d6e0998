import Foundation

/// Looks for what should never be in a return's narrative or case study: email addresses,
/// phone numbers, postal addresses and dates of birth. Returns hold counts, never people, so
/// the provider is warned before saving and must confirm the text is safe.
///
/// It is a warning, not a rule: "born in 2009" or "12 Park Road" can be innocent, and a
/// determined writer can always evade a pattern. The point is to catch the slip.
public enum PersonalDataScan {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case email, phone, address, dateOfBirth

        public var label: String {
            switch self {
            case .email: "an email address"
            case .phone: "a phone number"
            case .address: "a postal address"
            case .dateOfBirth: "a date of birth"
            }
        }
    }

    public struct Finding: Hashable, Sendable {
        public let kind: Kind
        /// The text that matched, as written.
        public let excerpt: String
    }

    public static func findings(in text: String) -> [Finding] {
        var found: [Finding] = []
        for (kind, pattern) in patterns {
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let matched = Range(match.range, in: text) else { continue }
                found.append(Finding(kind: kind, excerpt: String(text[matched])))
            }
        }
        return found
    }

    /// The warning a provider sees before text with personal data in it is saved; nil when
    /// nothing was found in the return's narrative and case study.
    public static func warning(for content: ReturnContent) -> String? {
        let found = findings(in: content.narrative + "\n" + (content.caseStudy ?? ""))
        guard !found.isEmpty else { return nil }
        return "The narrative or case study looks like it holds personal data: \(summary(found)). Returns hold counts, never people: remove it, or confirm it is not personal data"
    }

    /// "an email address (sam@example.org) and a phone number (07700 900123)".
    public static func summary(_ findings: [Finding]) -> String {
        findings.map { "\($0.kind.label) (\($0.excerpt))" }.joinedAsList()
    }

    private static let patterns: [(Kind, NSRegularExpression)] = [
        (.email, #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#),
        // UK mobiles and landlines, with or without +44 and spaces: 07700 900123, 0121 496 0000, +44 7700 900123.
        (.phone, #"(?<![\d£])(?:\+44\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"#),
        // A postcode (WV1 1AA, B15 2TT) or a house number with a street word (12 Park Road).
        (.address, #"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Place|Terrace|Gardens|Court|Walk|Hill|Row))\b"#),
        // A date with "born", "DOB" or "date of birth" before it, or a capitalised name straight
        // before a full date: "DOB 03/04/2010", "born 3 April 2010", "Jay Smith 03/04/2010".
        (.dateOfBirth, #"(?i:\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*:?\s*)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})|\b[A-Z][a-z]+\s+[A-Z][a-z]+,?\s+\(?\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b"#),
    ].map { kind, pattern in
        // The patterns are fixed text checked by the tests; a typo in one is a programming error.
        (kind, try! NSRegularExpression(pattern: pattern))
    }
}
