import Foundation

/// A contract read on a day under `Reading`'s rule (DESIGN.md, "Time: as of"). A contract's
/// effective day is the day it was signed; it was recorded when it was stored. Its variations
/// each take effect on their effective day and were recorded when approved.
extension Contract {
    /// The day the contract took effect in the world: the day it was signed, or, for a
    /// contract recorded without one (made from an award in Waymark, or stored before the
    /// signed day was asked), the earlier of the day it was recorded and the day its original
    /// terms start. A contract is signed by the time it starts and by the time it is recorded,
    /// so that is the latest day it can have been signed: it never shows a contract before it
    /// was made, and a contract awarded today to start next month is there today. This is
    /// the one place that fallback is decided.
    public func effectiveDay(signedOn: Day?, recordedAt: Date) -> Day {
        signedOn ?? Swift.min(Day(recordedAt, in: LondonWallTime.timeZone), original.start)
    }

    /// Whether the contract is part of the world `reading` shows: signed by its day (and, as
    /// recorded, recorded by then too).
    public func exists(in reading: Reading, signedOn: Day?, recordedAt: Date) -> Bool {
        reading.includes(effective: effectiveDay(signedOn: signedOn, recordedAt: recordedAt), recorded: recordedAt)
    }

    /// The contract as `reading` shows it: nil when it did not exist yet; otherwise with the
    /// variations known on the day (`isKnown`), so `versions` is its history as of then and
    /// `current` the terms a planner knew. The terms in force on the day are
    /// `snapshot(on: reading.day)`: a termination approved for next month is known, not yet in force.
    public func read(in reading: Reading, signedOn: Day?, recordedAt: Date) -> Contract? {
        guard exists(in: reading, signedOn: signedOn, recordedAt: recordedAt) else { return nil }
        var read = self
        read.variations = variations.filter { Self.isKnown($0, in: reading) }
        return read
    }

    /// The terms a planner knew on the reading's day, for delivery reasons: every variation
    /// known then (`isKnown`), including those taking effect later.
    public func termsKnown(in reading: Reading) -> ContractTerms {
        variations.filter { Self.isKnown($0, in: reading) }.reduce(original) { $0.applying($1.change, effective: $1.effective) }
    }

    /// Whether a variation is part of what `reading` shows: in force by its day, or already
    /// decided by then though taking effect later (a termination approved today for next
    /// month). A variation is decided on the day it was approved, or on its effective day when
    /// that is earlier (a change recorded late, after it took effect), so as of a day it counts
    /// once either has come; as recorded, only once it was approved by the day.
    /// (`VariationRules` keeps effective days in approval order, so the variations kept are
    /// always the first ones of the history.)
    public static func isKnown(_ variation: ContractVariation, in reading: Reading) -> Bool {
        let approved = Day(variation.approvedAt, in: LondonWallTime.timeZone)
        return reading.includes(effective: Swift.min(variation.effective, approved), recorded: variation.approvedAt)
    }
}
