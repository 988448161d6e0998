/// The evaluation rules: weights that make exactly 100%, questions whose weights make up the
/// quality weight, and a scale with at least two points, each described.
extension SpecificationRules {
    static func evaluationProblems(_ spec: Specification) -> [SpecificationProblem] {
        criteriaProblems(spec.criteria) + questionProblems(spec) + scaleProblems(spec.scale)
    }

    private static func criteriaProblems(_ criteria: EvaluationCriteria) -> [SpecificationProblem] {
        let weights = [criteria.quality, criteria.price, criteria.socialValue]
        if weights.contains(where: { $0 < .zero }) {
            return [.init(field: .criteria, message: "Weights cannot be negative")]
        }
        guard let total = criteria.total, total != .whole else { return [] }
        return [.init(field: .criteria, message:
            "The weights add up to \(total.percentText) (quality \(criteria.quality.percentText), price \(criteria.price.percentText), "
                + "social value \(criteria.socialValue.percentText)); they must add up to exactly 100%")]
    }

    private static func questionProblems(_ spec: Specification) -> [SpecificationProblem] {
        let quality = spec.criteria.quality
        let questions = spec.questions
        if questions.isEmpty {
            guard quality.isPositive else { return [] }
            return [.init(field: .questions, message:
                "Add at least one question: quality carries \(quality.percentText) and is scored on the questions")]
        }
        var problems: [SpecificationProblem] = []
        for (index, question) in questions.enumerated() {
            let name = "Question \(index + 1)"
            if Wording.isBlank(question.text) {
                problems.append(.init(field: .questions, message: "\(name) has no text"))
            }
            if !question.weight.isPositive {
                problems.append(.init(field: .questions, message: "\(name)'s weight must be more than 0%"))
            }
            if !Question.characterLimitRange.contains(question.characterLimit) {
                problems.append(.init(field: .questions, message:
                    "\(name)'s answer limit must be between \(Wording.grouped(Question.characterLimitRange.lowerBound)) and "
                        + "\(Wording.grouped(Question.characterLimitRange.upperBound)) characters"))
            }
        }
        if Set(questions.map(\.id)).count != questions.count {
            problems.append(.init(field: .questions, message: "The same question is listed more than once"))
        }
        if let sum = Weight.sum(questions.map(\.weight)), sum != quality {
            problems.append(.init(field: .questions, message:
                "The questions' weights add up to \(sum.percentText); they must add up to the quality weight, \(quality.percentText)"))
        }
        return problems
    }

    private static func scaleProblems(_ scale: ScoringScale) -> [SpecificationProblem] {
        if scale.labels.count < 2 {
            return [.init(field: .scale, message: "The scale needs at least 2 points (it has \(scale.labels.count))")]
        }
        if scale.labels.count > ScoringScale.mostPoints {
            return [.init(field: .scale, message: "The scale can have at most \(ScoringScale.mostPoints) points (0 to \(ScoringScale.mostPoints - 1))")]
        }
        return scale.labels.indices.filter { Wording.isBlank(scale.labels[$0]) }.map {
            .init(field: .scale, message: "Describe what a score of \($0) means")
        }
    }
}
