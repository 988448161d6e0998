import Foundation

/// A question every bidder must answer, scored on the specification's scale under quality.
///
/// Question weights are points *of the whole score*, and together they make up the quality
/// weight: with quality at 40% and four questions, weights of 10% each (or 15/10/10/5). This
/// keeps the arithmetic a reader can follow: a question's contribution is
/// `agreed score ÷ scale maximum × its weight`, with no second layer of "percent of quality".
public struct Question: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    /// What bidders are asked: "Working in local networks and partnerships".
    public var text: String
    /// Its share of the whole score; all questions' weights add up to the quality weight.
    public var weight: Weight
    /// The longest answer accepted, in characters (about 150 words per 1,000).
    public var characterLimit: Int

    /// A generous default: about 750 words.
    public static let defaultCharacterLimit = 5_000
    /// Limits a specification may set: long enough for a real answer, short enough to read.
    public static let characterLimitRange = 100...50_000

    public init(id: UUID = UUID(), text: String, weight: Weight, characterLimit: Int = Question.defaultCharacterLimit) {
        self.id = id
        self.text = text
        self.weight = weight
        self.characterLimit = characterLimit
    }
}

/// Something assessors score on the scale: one of the questions, or the bid's social value
/// when the specification gives social value a weight (it is then scored like a question).
public enum ScoreItem: Hashable, Sendable {
    case question(UUID)
    case socialValue

    /// A stable text key, "social-value" or "question-<uuid>": how the item is stored and how
    /// a form field for it is named.
    public var key: String {
        switch self {
        case .question(let id): "question-\(id.uuidString.lowercased())"
        case .socialValue: "social-value"
        }
    }

    /// The item a key names; nil for anything else.
    public init?(key: some StringProtocol) {
        if key == "social-value" {
            self = .socialValue
        } else if key.hasPrefix("question-"), let id = UUID(uuidString: String(key.dropFirst("question-".count))) {
            self = .question(id)
        } else {
            return nil
        }
    }
}

/// Encoded as its key.
extension ScoreItem: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let item = ScoreItem(key: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a scored item")
        }
        self = item
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}

extension Specification {
    /// What is scored on the scale, in the order the page shows it: the questions, then
    /// social value when it carries weight.
    public var scoredItems: [ScoreItem] {
        questions.map { .question($0.id) } + (criteria.socialValue.isPositive ? [.socialValue] : [])
    }

    /// The weight an item carries in the whole score; nil for an item this specification
    /// does not score.
    public func weight(of item: ScoreItem) -> Weight? {
        switch item {
        case .question(let id): questions.first { $0.id == id }?.weight
        case .socialValue: criteria.socialValue.isPositive ? criteria.socialValue : nil
        }
    }

    /// How an item is named in working and feedback: "Q2 Access to physical spaces in local
    /// places", "Social value"; nil for an item this specification does not score.
    public func title(of item: ScoreItem) -> String? {
        switch item {
        case .question(let id):
            guard let index = questions.firstIndex(where: { $0.id == id }) else { return nil }
            return "Q\(index + 1) \(questions[index].text)"
        case .socialValue:
            return criteria.socialValue.isPositive ? "Social value" : nil
        }
    }
}
