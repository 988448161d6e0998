import Foundation
import WaymarkDomain

extension Scenario {
    /// Everything wrong with the scenario's numbers, each naming its key as the JSON file
    /// spells it ("uncertainty.byStatus.pledged: 1.4 is not a probability from 0 to 1").
    /// The decoder refuses a file with any, so a typo never becomes a silent forecast.
    public func problems() -> [String] {
        var problems: [String] = []
        func probability(_ value: Double, _ key: String) {
            if !(0...1).contains(value) { problems.append("\(key): \(value) is not a probability from 0 to 1") }
        }
        func range(_ value: DrawRange, _ key: String, atLeast minimum: Double) {
            if value.low > value.high { problems.append("\(key): low (\(value.low)) is above high (\(value.high))") }
            if value.low < minimum { problems.append("\(key): low (\(value.low)) must be at least \(minimum)") }
        }
        if samples < 1 { problems.append("samples: must be at least 1") }
        if samples > 1_000_000 { problems.append("samples: at most 1,000,000") }
        let byStatus = uncertainty.byStatus
        for status in FundingSource.Status.allCases {
            probability(byStatus.probability(for: status), "uncertainty.byStatus.\(status.rawValue)")
        }
        for (index, override) in uncertainty.overrides.enumerated() {
            probability(override.probability, "uncertainty.overrides[\(index)].probability")
        }
        if let renewal = uncertainty.renewal {
            probability(renewal.probability, "uncertainty.renewal.probability")
            range(renewal.amountFactor, "uncertainty.renewal.amountFactor", atLeast: 0)
            if renewal.decisionDelayDays < 0 { problems.append("uncertainty.renewal.decisionDelayDays: must not be negative") }
        }
        // A yearly fall of more than 100% would make costs negative.
        range(uncertainty.inflation, "uncertainty.inflation", atLeast: -0.99)
        func day(_ value: Day, _ key: String) {
            if !Day.acceptedRange.contains(value) { problems.append("\(key): \(value.iso) is not a date from 1900 to 2199") }
        }
        for (index, intervention) in interventions.enumerated() {
            let key = "interventions[\(index)]"
            switch intervention {
            case .withdrawSource(_, let from): day(from, key + ".withdrawSource.from")
            case .changeDailyCost(_, _, let from): day(from, key + ".changeDailyCost.from")
            case .closeRoute(_, let on): day(on, key + ".closeRoute.on")
            case .addSource(let source):
                day(source.period.start, key + ".addSource.source.period.start")
                day(source.period.end, key + ".addSource.source.period.end")
            case .scaleSource: break
            }
            switch intervention {
            case .scaleSource(_, let factor) where factor < 0:
                problems.append("interventions[\(index)].scaleSource.factor: must not be negative")
            case .addSource(let source):
                probability(source.probability, "interventions[\(index)].addSource.source.probability")
                if !source.amount.isPositive { problems.append("interventions[\(index)].addSource.source.amount: must be more than 0") }
            case .changeDailyCost(_, let cost, _) where cost.isNegative:
                problems.append("interventions[\(index)].changeDailyCost.dailyCost: must not be negative")
            default:
                break
            }
        }
        return problems
    }
}
