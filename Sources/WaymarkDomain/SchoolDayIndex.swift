/// A bitset of school days, one bit per calendar day from the first term's start to the last
/// term's end.
///
/// The coverage engine asks "is this a school day?" for every day of every route (1,000
/// routes × 3 years is about a million questions per walk, and the simulation repeats walks
/// thousands of times). Answering from a bitset is a subtraction, a shift and a mask; a span
/// of three years is ~140 bytes, so it stays in cache. Counting and searching use whole
/// 64-bit words (population count, leading/trailing zero count) instead of day-by-day loops.
struct SchoolDayIndex: Sendable, Hashable {
    /// Day number of bit 0.
    private let base: Int
    /// Number of days covered (bits in use).
    private let length: Int
    private var words: [UInt64]

    init(span: DayRange?) {
        base = span?.start.daysSinceEpoch ?? 0
        length = span?.dayCount ?? 0
        words = Array(repeating: 0, count: (length + 63) / 64)
    }

    mutating func insert(_ day: Day) {
        let offset = day.daysSinceEpoch - base
        guard offset >= 0, offset < length else { return }
        words[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    mutating func remove(_ day: Day) {
        let offset = day.daysSinceEpoch - base
        guard offset >= 0, offset < length else { return }
        words[offset >> 6] &= ~(1 << UInt64(offset & 63))
    }

    func contains(_ day: Day) -> Bool {
        let offset = day.daysSinceEpoch - base
        guard offset >= 0, offset < length else { return false }
        return words[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Bit offsets `range` covers inside the index, or nil if it misses the index entirely.
    private func offsets(_ range: DayRange) -> ClosedRange<Int>? {
        let low = max(range.start.daysSinceEpoch - base, 0)
        let high = min(range.end.daysSinceEpoch - base, length - 1)
        return low <= high ? low...high : nil
    }

    /// Word `index` with only the bits inside `offsets` kept.
    private func maskedWord(_ index: Int, within offsets: ClosedRange<Int>) -> UInt64 {
        let first = index << 6
        var word = words[index]
        if offsets.lowerBound > first { word &= ~0 << UInt64(offsets.lowerBound - first) }
        let lastBit = offsets.upperBound - first
        if lastBit < 63 { word &= (1 << UInt64(lastBit + 1)) - 1 }
        return word
    }

    func count(in range: DayRange) -> Int {
        guard let offsets = offsets(range) else { return 0 }
        var total = 0
        for index in (offsets.lowerBound >> 6)...(offsets.upperBound >> 6) {
            total += maskedWord(index, within: offsets).nonzeroBitCount
        }
        return total
    }

    func days(in range: DayRange) -> [Day] {
        guard let offsets = offsets(range) else { return [] }
        var result: [Day] = []
        result.reserveCapacity(count(in: range))
        for index in (offsets.lowerBound >> 6)...(offsets.upperBound >> 6) {
            var word = maskedWord(index, within: offsets)
            while word != 0 {
                result.append(day(at: (index << 6) + word.trailingZeroBitCount))
                word &= word - 1   // clear the lowest set bit
            }
        }
        return result
    }

    func first(onOrAfter day: Day) -> Day? {
        let start = max(day.daysSinceEpoch - base, 0)
        guard start < length else { return nil }
        for index in (start >> 6)..<words.count {
            let word = maskedWord(index, within: start...(length - 1))
            if word != 0 { return self.day(at: (index << 6) + word.trailingZeroBitCount) }
        }
        return nil
    }

    func last(onOrBefore day: Day) -> Day? {
        let end = min(day.daysSinceEpoch - base, length - 1)
        guard end >= 0 else { return nil }
        for index in stride(from: end >> 6, through: 0, by: -1) {
            let word = maskedWord(index, within: 0...end)
            if word != 0 { return self.day(at: (index << 6) + 63 - word.leadingZeroBitCount) }
        }
        return nil
    }

    private func day(at offset: Int) -> Day {
        Day(daysSinceEpoch: base + offset)!
    }
}
