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
        func range(_ value: DrawRange, _ key: String, atLeast minimum: Double, atMost maximum: Double) {
            if value.low > value.high { problems.append("\(key): low (\(value.low)) is above high (\(value.high))") }
            if value.low < minimum { problems.append("\(key): low (\(value.low)) must be at least \(minimum)") }
            if value.high > maximum { problems.append("\(key): high (\(value.high)) must be at most \(maximum)") }
        }
        // Ceilings keep every product of money, factors and inflation far inside Int64 pence.
        func money(_ value: Money, _ key: String) {
            if value > Scenario.moneyCeiling { problems.append("\(key): must be at most \(Scenario.moneyCeiling.display)") }
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
            range(renewal.amountFactor, "uncertainty.renewal.amountFactor", atLeast: 0, atMost: Scenario.factorCeiling)
            if renewal.decisionDelayDays < 0 { problems.append("uncertainty.renewal.decisionDelayDays: must not be negative") }
            if renewal.decisionDelayDays > 3_650 { problems.append("uncertainty.renewal.decisionDelayDays: at most 3650 (ten years)") }
        }
        // A yearly fall of more than 100% would make costs negative.
        range(uncertainty.inflation, "uncertainty.inflation", atLeast: -0.99, atMost: 1)
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
            case .scaleSource(_, let factor) where factor > Scenario.factorCeiling:
                problems.append("interventions[\(index)].scaleSource.factor: must be at most \(Scenario.factorCeiling)")
            case .addSource(let source):
                probability(source.probability, "interventions[\(index)].addSource.source.probability")
                if !source.amount.isPositive { problems.append("interventions[\(index)].addSource.source.amount: must be more than 0") }
                money(source.amount, "interventions[\(index)].addSource.source.amount")
            case .changeDailyCost(_, let cost, _) where cost.isNegative || cost > Scenario.dailyCostCeiling:
                problems.append("interventions[\(index)].changeDailyCost.dailyCost: must be from 0 to \(Scenario.dailyCostCeiling.display)")
            default:
                break
            }
        }
        return problems
    }
}

extension Scenario {
    /// The largest hypothetical source a scenario may add: £1bn.
    public static let moneyCeiling = Money(pounds: 1_000_000_000)
    /// The largest daily cost a scenario may set for a route: £1m.
    public static let dailyCostCeiling = Money(pounds: 1_000_000)
    /// The largest factor a source may be scaled or renewed by.
    public static let factorCeiling = 10.0

    /// What in the scenario names something the base does not have: a source or route id
    /// given by mistake would otherwise change nothing, silently.
    public func problems(against base: SimulationBase) -> [String] {
        let sources = Set(base.sources.map(\.id)), routes = Set(base.routes.map(\.id))
        let added = Set(interventions.compactMap { if case .addSource(let source) = $0 { source.id } else { nil } })
        var problems: [String] = []
        for id in added where sources.contains(id) {
            problems.append("an added source has the id \(id.uuidString.lowercased()) of a real source: give it another id")
        }
        for (index, override) in uncertainty.overrides.enumerated() {
            if let id = override.sourceID, !sources.contains(id), !added.contains(id) {
                problems.append("uncertainty.overrides[\(index)].sourceID: no source has the id \(id.uuidString.lowercased())")
            }
        }
        for (index, intervention) in interventions.enumerated() {
            switch intervention {
            case .withdrawSource(let id, _), .scaleSource(let id, _):
                if !sources.contains(id), !added.contains(id) {
                    problems.append("interventions[\(index)]: no source has the id \(id.uuidString.lowercased())")
                }
            case .changeDailyCost(let id, _, _), .closeRoute(let id, _):
                if !routes.contains(id) { problems.append("interventions[\(index)]: no active route has the id \(id.uuidString.lowercased())") }
            case .addSource(let source):
                for id in source.routeIDs where !routes.contains(id) {
                    problems.append("interventions[\(index)].addSource.source.routeIDs: no active route has the id \(id.uuidString.lowercased())")
                }
            }
        }
        return problems
    }
}
