/// Which free text a person sends may hold personal data, and what they are told when it seems
/// to. Waymark holds organisations, routes, money and counts, never people, so every free text
/// (a pledge's note, a decline's reason, a review's comments, a bid's answers, a variation's
/// reason…) is scanned with `PersonalDataScan` before it is kept:
/// - text that is **published** (to every bidder or the public) is refused until it is removed;
/// - text kept **inside** the tenant is refused until the person removes it or confirms, with
///   one box for the whole form, that it is not personal data (a scan can be wrong: "12 Park
///   Road" may be a youth centre).
/// Each flagged field is named with what was found, so every problem shows at once.
public enum PersonalDataCheck {
    public enum Audience: Sendable { case published, tenant }

    /// One free text of a form, an upload or an API body.
    public struct Text: Sendable {
        public let field: String
        /// How the field is named to the person: "The note", "Your answer to question 2".
        public let label: String
        public let text: String
        public let audience: Audience

        public init(field: String, label: String, text: String?, audience: Audience = .tenant) {
            self.field = field
            self.label = label
            self.text = text ?? ""
            self.audience = audience
        }
    }

    public struct Problem: Hashable, Sendable {
        public let field: String
        public let message: String
        /// True when confirming (the form's one box, or `personal_data_checked` in the API)
        /// would let the text through; an import has no way to confirm.
        public let confirmable: Bool
    }

    /// The name of the confirmation, the same in forms and API bodies.
    public static let confirmationField = "personal_data_checked"

    /// How the text arrived, which says how it is confirmed.
    public enum Channel: String, Sendable, Codable {
        case form, api, importFile
        /// A file uploaded through a form with the box beside it (a monthly return).
        case upload

        var howToConfirm: String {
            switch self {
            case .form: "tick “I have checked” and send the form again"
            case .api: "send personal_data_checked: true once you have checked it"
            case .importFile: "enter it through the form, where you can confirm it is not personal data"
            case .upload: "tick the box below the file and upload it again"
            }
        }
    }

    public static func problems(_ texts: [Text], confirmed: Bool, channel: Channel = .form) -> [Problem] {
        texts.compactMap { text in
            let found = PersonalDataScan.findings(in: text.text)
            guard !found.isEmpty else { return nil }
            switch text.audience {
            case .published:
                return Problem(field: text.field, message: "\(text.label) is published, so it must not hold personal data: remove \(PersonalDataScan.summary(found))",
                               confirmable: false)
            case .tenant:
                guard !confirmed || channel == .importFile else { return nil }
                return Problem(field: text.field, message: "\(text.label) looks like it holds personal data: \(PersonalDataScan.summary(found)). Remove it, or \(channel.howToConfirm)",
                               confirmable: channel != .importFile)
            }
        }
    }
}
