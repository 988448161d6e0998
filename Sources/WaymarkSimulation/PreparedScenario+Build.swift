import Foundation
import WaymarkDomain

extension PreparedScenario {
    /// Applies `scenario`'s interventions to `base` and lays out every money slot and every
    /// route's allocations (renewals included) for the sample loop.
    init(base: SimulationBase, scenario: Scenario) {
        let horizonEnd = base.horizonEnd
        let months = base.months
        let interventions = scenario.interventions
        let uncertainty = scenario.uncertainty
        // Opened routes join the base's, after them, and are prepared exactly the same way.
        var routes = base.routes
        for case (let number, .openRoute(let route)) in interventions.enumerated() {
            routes.append(route.simulationRoute(number: number, schoolDays: base.schoolDays))
        }
        let routeDays = routes.map { RouteDays($0, interventions: interventions, horizonEnd: horizonEnd) }

        var sources = base.sources
        var allocations = base.allocations
        var probabilityOf: [UUID: Double] = [:]
        for source in base.sources { probabilityOf[source.id] = uncertainty.probability(for: source) }
        for case (let number, .addSource(let hypothetical)) in interventions.enumerated() {
            let (source, shares) = Self.materialise(hypothetical, number: number, routes: routes, days: routeDays)
            sources.append(source)
            allocations += shares
            // An override for its id or funder beats the hypothetical's own figure.
            probabilityOf[source.id] = uncertainty.override(for: source) ?? hypothetical.probability
        }

        var withdrawFrom: [UUID: Day] = [:], scale: [UUID: Double] = [:]
        for intervention in interventions {
            switch intervention {
            case .withdrawSource(let id, let from): withdrawFrom[id] = Swift.min(withdrawFrom[id] ?? from, from)
            case .scaleSource(let id, let factor): scale[id, default: 1] *= factor
            default: break
            }
        }

        // Units: one per funder group, then one per source not in a group.
        var groupOf: [String: Int] = [:]
        for (group, names) in uncertainty.funderGroups.enumerated() {
            for name in names { groupOf[Uncertainty.key(name)] = group }
        }
        var unitStreams = uncertainty.funderGroups.indices.map { UInt64($0) &+ 0x6772_6F75_7000_0000 }   // "group"
        var slots: [MoneySlot] = []
        var firstSlot: [UUID: (slot: Int, step: PeriodStep, generations: Int)] = [:]
        var maxGeneration = 0
        for source in sources where firstSlot[source.id] == nil {
            let unit = groupOf[Uncertainty.key(source.funderName)] ?? {
                unitStreams.append(source.id.streamKey)
                return unitStreams.count - 1
            }()
            let step = PeriodStep(source.period)
            var generations = 0
            if let renewal = uncertainty.renewal, source.renewable {
                // A renewal every few days over years (a one-day renewable source) would draw
                // tens of thousands of generations per sample; no real grant renews more
                // than monthly, so 120 generations cover a 36-month horizon of monthly money.
                while generations < Self.maxRenewals {
                    let start = step.shift(source.period.end, by: generations).next.adding(days: renewal.decisionDelayDays)
                    guard start <= horizonEnd, start < (withdrawFrom[source.id] ?? .latest) else { break }
                    generations += 1
                }
            }
            firstSlot[source.id] = (slots.count, step, generations)
            maxGeneration = Swift.max(maxGeneration, generations)
            for generation in 0...generations {
                slots.append(MoneySlot(unit: unit, generation: generation, probability: probabilityOf[source.id] ?? 0,
                                       scale: scale[source.id] ?? 1,
                                       stream: UUID.derived(from: source.id, UInt64(generation)).streamKey))
            }
        }

        let aprils = Self.aprils(after: base.asOf, through: horizonEnd)
        let routeIndex = Dictionary(routes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sourceByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byRoute = [[RouteAllocation]](repeating: [], count: routes.count)
        let delay = uncertainty.renewal?.decisionDelayDays ?? 0
        for allocation in allocations {
            guard let r = routeIndex[allocation.routeID], let source = sourceByID[allocation.sourceID],
                  let slot = firstSlot[source.id] else { continue }
            for generation in 0...slot.generations {
                var shifted = allocation
                if generation > 0 {
                    let moneyFrom = slot.step.shift(source.period.end, by: generation - 1).next.adding(days: delay)
                    let start = Swift.max(slot.step.shift(allocation.period.start, by: generation), moneyFrom)
                    guard let period = DayRange(start: start, end: slot.step.shift(allocation.period.end, by: generation))
                    else { continue }
                    shifted.period = period
                    shifted.id = UUID.derived(from: allocation.id, UInt64(generation))
                }
                guard let kept = Self.withdrawing(shifted, from: withdrawFrom[source.id]) else { continue }
                byRoute[r].append(RouteAllocation(allocation: kept.allocation, slot: slot.slot + generation,
                                                  canLapse: !kept.cut))
            }
        }

        self.months = months
        self.routes = routes.indices.map { r in
            Self.prepare(routes[r], days: routeDays[r], allocations: byRoute[r], slots: slots, months: months,
                         aprils: aprils, asOf: base.asOf, horizonEnd: horizonEnd)
        }
        self.slots = slots
        self.unitCount = unitStreams.count
        self.unitStreams = unitStreams
        self.maxGeneration = maxGeneration
        self.renewal = uncertainty.renewal
        self.inflation = uncertainty.inflation
        self.inflationSteps = aprils.count
        self.pools = interventions.enumerated().compactMap { number, intervention in
            guard case .pooledFund(let fund) = intervention else { return nil }
            let id = fund.resolvedID(number: number)
            let probability = uncertainty.overrides.last { $0.sourceID == id }?.probability ?? fund.probability
            return PreparedPool(fund, number: number, probability: probability, routes: routes, days: routeDays,
                                asOf: base.asOf, horizonEnd: horizonEnd)
        }
        self.poolLayout = PoolLayout(pools: pools, routeCount: routes.count)
    }

    /// The allocation as it stands if its source stops paying on `from`: its period cut to
    /// the day before, its amount kept, so the days it would have paid before then are still
    /// paid (allocations pay oldest days first). Nil when nothing is left; `cut` says whether
    /// money left at the cut is withdrawn rather than lapsed.
    static func withdrawing(_ allocation: Allocation, from: Day?) -> (allocation: Allocation, cut: Bool)? {
        guard let from, from <= allocation.period.end else { return (allocation, false) }
        guard from > allocation.period.start, let kept = DayRange(start: allocation.period.start, end: from.previous)
        else { return nil }
        var cut = allocation
        cut.period = kept
        return (cut, true)
    }

    static func aprils(after asOf: Day, through end: Day) -> [Day] {
        (asOf.year...end.year).map { Day($0, 4, 1) }.filter { $0 > asOf && $0 <= end }
    }
}
