import Foundation
import WaymarkDomain

extension Scenario {
    /// Everything wrong with the scenario's numbers, each naming its key as the JSON file
    /// spells it ("uncertainty.byStatus.pledged: 1.4 is not a probability from 0 to 1").
    /// The decoder refuses a file with any, so a typo never becomes a silent forecast.
    public func problems() -> [String] {
        var check = ProblemList()
        if samples < 1 { check.add("samples: must be at least 1") }
        if samples > 1_000_000 { check.add("samples: at most 1,000,000") }
        let byStatus = uncertainty.byStatus
        for status in FundingSource.Status.allCases {
            check.probability(byStatus.probability(for: status), "uncertainty.byStatus.\(status.rawValue)")
        }
        for (index, override) in uncertainty.overrides.enumerated() {
            check.probability(override.probability, "uncertainty.overrides[\(index)].probability")
        }
        if let renewal = uncertainty.renewal {
            check.probability(renewal.probability, "uncertainty.renewal.probability")
            check.range(renewal.amountFactor, "uncertainty.renewal.amountFactor", atLeast: 0, atMost: Scenario.factorCeiling)
            if renewal.decisionDelayDays < 0 { check.add("uncertainty.renewal.decisionDelayDays: must not be negative") }
            if renewal.decisionDelayDays > 3_650 { check.add("uncertainty.renewal.decisionDelayDays: at most 3650 (ten years)") }
        }
        // A yearly fall of more than 100% would make costs negative.
        check.range(uncertainty.inflation, "uncertainty.inflation", atLeast: -0.99, atMost: 1)
        for (index, intervention) in interventions.enumerated() {
            check.intervention(intervention, "interventions[\(index)]")
        }
        return check.items
    }
}

extension Scenario {
    /// The largest hypothetical source or pooled fund a scenario may add: £1bn.
    public static let moneyCeiling = Money(pounds: 1_000_000_000)
    /// The largest daily cost a scenario may set for a route: £1m.
    public static let dailyCostCeiling = Money(pounds: 1_000_000)
    /// The largest factor a source may be scaled or renewed by.
    public static let factorCeiling = 10.0
    /// The most children an opened route may walk a day.
    public static let childrenCeiling = 100_000
}

/// Problems found so far, with the checks every key shares.
struct ProblemList {
    var items: [String] = []

    mutating func add(_ problem: String) { items.append(problem) }

    mutating func probability(_ value: Double, _ key: String) {
        if !(0...1).contains(value) { add("\(key): \(value) is not a probability from 0 to 1") }
    }

    mutating func range(_ value: DrawRange, _ key: String, atLeast minimum: Double, atMost maximum: Double) {
        if value.low > value.high { add("\(key): low (\(value.low)) is above high (\(value.high))") }
        if value.low < minimum { add("\(key): low (\(value.low)) must be at least \(minimum)") }
        if value.high > maximum { add("\(key): high (\(value.high)) must be at most \(maximum)") }
    }

    mutating func day(_ value: Day, _ key: String) {
        if !Day.acceptedRange.contains(value) { add("\(key): \(value.iso) is not a date from 1900 to 2199") }
    }

    mutating func period(_ value: DayRange, _ key: String) {
        day(value.start, key + ".start")
        day(value.end, key + ".end")
    }

    /// Ceilings keep every product of money, factors and inflation far inside Int64 pence.
    mutating func amount(_ value: Money, _ key: String) {
        if !value.isPositive { add("\(key): must be more than 0") }
        if value > Scenario.moneyCeiling { add("\(key): must be at most \(Scenario.moneyCeiling.display)") }
    }

    mutating func dailyCost(_ value: Money, _ key: String) {
        if value.isNegative || value > Scenario.dailyCostCeiling {
            add("\(key): must be from 0 to \(Scenario.dailyCostCeiling.display)")
        }
    }

    mutating func intervention(_ intervention: Intervention, _ key: String) {
        switch intervention {
        case .withdrawSource(_, let from):
            day(from, key + ".withdrawSource.from")
        case .scaleSource(_, let factor):
            if factor < 0 { add(key + ".scaleSource.factor: must not be negative") }
            if factor > Scenario.factorCeiling { add(key + ".scaleSource.factor: must be at most \(Scenario.factorCeiling)") }
        case .addSource(let source):
            period(source.period, key + ".addSource.source.period")
            probability(source.probability, key + ".addSource.source.probability")
            amount(source.amount, key + ".addSource.source.amount")
        case .changeDailyCost(_, let cost, let from):
            day(from, key + ".changeDailyCost.from")
            dailyCost(cost, key + ".changeDailyCost.dailyCost")
        case .closeRoute(_, let on):
            day(on, key + ".closeRoute.on")
        case .openRoute(let route):
            openRoute(route, key + ".openRoute.route")
        case .pooledFund(let fund):
            pooledFund(fund, key + ".pooledFund.fund")
        }
    }

    mutating func openRoute(_ route: HypotheticalRoute, _ key: String) {
        if route.code.trimmingCharacters(in: .whitespaces).isEmpty { add(key + ".code: must not be empty") }
        if !(0...Scenario.childrenCeiling).contains(route.childrenPerDay) {
            add(key + ".childrenPerDay: must be from 0 to 100,000")
        }
        dailyCost(route.dailyCost, key + ".dailyCost")
        day(route.from, key + ".from")
        if let closes = route.closes {
            day(closes, key + ".closes")
            if closes < route.from { add("\(key).closes: \(closes.iso) is before from (\(route.from.iso))") }
        }
    }

    mutating func pooledFund(_ fund: PooledFund, _ key: String) {
        amount(fund.amount, key + ".amount")
        period(fund.period, key + ".period")
        probability(fund.probability, key + ".probability")
        if case .priority(let scores) = fund.policy {
            for (index, score) in scores.enumerated() where !score.score.isFinite {
                add("\(key).policy.priority.scores[\(index)].score: must be a finite number")
            }
        }
    }
}
