/// Where a return is in its review. A provider drafts and submits; the commissioner
/// approves, queries (comments on lines; the provider answers by resubmitting) or returns it
/// (sent back whole; also answered by resubmitting). Approval is final: it makes the month
/// payable.
public enum ReturnStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case draft
    case submitted
    case queried
    case returned
    case approved

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Awaiting review"
        case .queried: "Queried"
        case .returned: "Returned"
        case .approved: "Approved"
        }
    }

    /// The provider may change and submit it.
    public var isOpenToProvider: Bool { self == .draft || self == .queried || self == .returned }

    /// The commissioner may review it.
    public var awaitsReview: Bool { self == .submitted }
}

/// The review steps and who takes them; `problem` says why a step cannot be taken now.
public enum ReturnReview {
    public enum Step: String, Hashable, Sendable, CaseIterable {
        case approve, query, sendBack = "return"

        public var resulting: ReturnStatus {
            switch self {
            case .approve: .approved
            case .query: .queried
            case .sendBack: .returned
            }
        }
    }

    public static func problem(_ step: Step, from status: ReturnStatus, comments: [String], reason: String) -> String? {
        guard status.awaitsReview else {
            return status == .approved
                ? "This return has already been approved"
                : "Only a submitted return can be reviewed; this one is \(status.label.lowercased())"
        }
        switch step {
        case .approve: return nil
        case .query:
            return comments.allSatisfy(Wording.isBlank) ? "Write a comment on at least one line to query the return" : nil
        case .sendBack:
            return Wording.isBlank(reason) ? "Say why the return is being sent back" : nil
        }
    }

    /// Submitting is the provider's step; it needs the return to be open to them.
    public static func submitProblem(from status: ReturnStatus?) -> String? {
        guard let status, !status.isOpenToProvider else { return nil }
        return status == .approved
            ? "This return has been approved, so it cannot be changed"
            : "This return is awaiting review, so it cannot be changed until the commissioner queries or returns it"
    }
}
