import Foundation
import WaymarkDomain

/// Money that may or may not come in a sample: one source's own allocations (generation 0)
/// or its `generation`th renewal, which can only come if the one before it did.
struct MoneySlot: Sendable {
    /// Which shared uniform decides whether the money materialises (funders grouped together
    /// share one unit).
    var unit: Int
    var generation: Int
    var probability: Double
    /// Interventions' scaling, applied to every generation.
    var scale: Double
    /// Names the random stream of this slot's renewal factor (from its source's id), so
    /// adding or removing other sources leaves this slot's draws as they were.
    var stream: UInt64
}

/// One route ready for the sample loop: flat arrays only, built once per run.
///
/// A class, immutable once built, so that handing a route to a ledger costs one retain
/// rather than one per array: the sample loop does that for every route of every sample.
final class PreparedRoute: Sendable {
    let id: UUID
    let code: String
    let children: Int
    /// Pence per school day in today's prices after interventions, up to the horizon's end
    /// or the day the route closes; negative means unknown.
    let costs: [Int64]
    /// Index of the first school day on or after each 1 April in the horizon: inflation step k
    /// applies from `inflationStarts[k]`.
    let inflationStarts: [Int32]
    /// `costs` cut into runs of days that cost the same in every sample.
    let runs: CostRuns
    /// School days of month m are `monthStarts[m] ..< monthStarts[m + 1]`.
    let monthStarts: [Int32]
    /// Allocations in drawing order (`Allocation.drawsBefore`), as parallel arrays.
    let slots: [Int32]
    let amounts: [Int64]
    let firstDay: [Int32]
    let endDay: [Int32]
    /// Whether money left in the allocation lapses inside the forecast (period ends between
    /// the as-of date and the horizon's end), so it counts towards "lapsed money".
    let lapsesInHorizon: [Bool]
    /// See `RouteDays.runsPastHorizon`.
    let runsPastHorizon: Bool
    /// The allocations again, one value each: the jumping engine reads them together.
    let terms: [AllocationTerms]
    /// Months without school days and where each takes its answer (`SampleRunner.tally`).
    let monthsWithoutSchool: [BorrowedAnswer]
    /// The months it counts as covered when every school day of the forecast is paid in
    /// full: those with school days, and those without that take a covered month's answer.
    let coveredWhenPaid: [Bool]

    /// `alwaysWhole` says which money slots come in full in every sample (certain money,
    /// unscaled), so the jumping engine need not look their multipliers up.
    init(id: UUID, code: String, children: Int, costs: [Int64], inflationStarts: [Int32], monthStarts: [Int32],
         slots: [Int32], amounts: [Int64], firstDay: [Int32], endDay: [Int32], lapsesInHorizon: [Bool], runsPastHorizon: Bool,
         alwaysWhole: (Int32) -> Bool = { _ in false }) {
        self.id = id
        self.code = code
        self.children = children
        self.costs = costs
        self.inflationStarts = inflationStarts
        runs = CostRuns(costs: costs, inflationStarts: inflationStarts)
        self.monthStarts = monthStarts
        self.slots = slots
        self.amounts = amounts
        self.firstDay = firstDay
        self.endDay = endDay
        self.lapsesInHorizon = lapsesInHorizon
        self.runsPastHorizon = runsPastHorizon
        terms = amounts.indices.map {
            AllocationTerms(amount: amounts[$0], slot: slots[$0], firstDay: firstDay[$0], endDay: endDay[$0],
                            lapsesInHorizon: lapsesInHorizon[$0], whole: alwaysWhole(slots[$0]))
        }
        monthsWithoutSchool = BorrowedAnswer.months(monthStarts: monthStarts, runsPastHorizon: runsPastHorizon)
        var coveredWhenPaid = (0..<(monthStarts.count - 1)).map { monthStarts[$0] < monthStarts[$0 + 1] }
        for borrowed in monthsWithoutSchool { coveredWhenPaid[Int(borrowed.month)] = borrowed.from >= 0 }
        self.coveredWhenPaid = coveredWhenPaid
    }
}

/// A scenario applied to a base: everything that does not change between samples, worked
/// out once so that a sample only draws numbers and pays each route's allocations.
struct PreparedScenario: Sendable {
    /// The most times one source renews within a horizon (see `build`).
    static let maxRenewals = 120

    var months: [Day]
    var routes: [PreparedRoute]
    var slots: [MoneySlot]
    var unitCount: Int
    /// Names each unit's random stream: its materialisation draw, then one per renewal.
    var unitStreams: [UInt64]
    /// Most renewals any source can have inside the horizon.
    var maxGeneration: Int
    var renewal: RenewalAssumption?
    var inflation: DrawRange
    /// 1 Aprils after the as-of date, up to the horizon's end.
    var inflationSteps: Int
    /// Pooled funds, in the scenario's order.
    var pools: [PreparedPool]
    var poolLayout: PoolLayout
    /// What "what it would take" records besides the usual figures; nil in a plain run.
    var needs: NeedLayout?
}

/// For "what it would take": each sample's gap per financial year over the routes money
/// can cover.
struct NeedLayout: Sendable {
    /// Financial year (index into the forecast's years) of each month of the horizon.
    var yearOfMonth: [Int32]
    var years: Int
    /// Whether route r counts; routes money cannot cover (unknown costs) do not.
    var counted: [Bool]
}

extension UUID {
    /// A 64-bit fold of the id, to name a random stream after it.
    var streamKey: UInt64 {
        withUnsafeBytes(of: uuid) { $0.loadUnaligned(as: UInt64.self) ^ $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self) }
    }

    /// A stable id made from another and a number: renewed allocations and hypothetical
    /// sources need ids for the drawing order's last tie-break, the same on every run.
    static func derived(from base: UUID, _ number: UInt64) -> UUID {
        var bytes = base.uuid
        var mixer = SeededRandom(seed: number &* 0x9E37_79B9_7F4A_7C15)
        let salt = mixer.next()
        withUnsafeMutableBytes(of: &bytes) { raw in
            for i in 0..<8 { raw[8 + i] ^= UInt8(truncatingIfNeeded: salt >> (8 * UInt64(i))) }
        }
        return UUID(uuid: bytes)
    }

    /// What a scenario brings in without an id of its own gets one from its kind and its
    /// place in the scenario ("WAY" and a letter, then the number mixed in), so the same file
    /// always runs the same way and kinds never share ids.
    enum ScenarioItem: UInt8 {
        case source = 0x4D      // "M": added sources (money)
        case pooledFund = 0x50  // "P"
        case route = 0x52       // "R"
        case extraMoney = 0x58  // "X": what it would take's funds
    }

    static func scenarioItem(_ kind: ScenarioItem, number: Int) -> UUID {
        derived(from: UUID(uuid: (0x57, 0x41, 0x59, kind.rawValue, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0)), UInt64(number))
    }
}

/// Steps a source's period on to the next one of the same length: by whole months when the
/// period is whole months (financial and academic years), otherwise by days.
struct PeriodStep {
    let months: Int?
    let days: Int

    init(_ period: DayRange) {
        let (start, end) = (period.start, period.end)
        if start.day == 1 && end == end.endOfMonth {
            months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
        } else {
            months = nil
        }
        days = period.dayCount
    }

    /// `day` moved on by `count` periods; a month's last day stays a month's last day.
    func shift(_ day: Day, by count: Int) -> Day {
        guard count != 0 else { return day }
        guard let months else { return day.adding(days: days * count) }
        let moved = day.adding(months: months * count)
        return day == day.endOfMonth ? moved.endOfMonth : moved
    }
}
