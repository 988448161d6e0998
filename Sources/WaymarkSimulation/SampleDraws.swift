import WaymarkDomain

/// What chance decided in one sample: how much of each money slot comes (0 when it does not)
/// and the cost multiplier from each 1 April.
///
/// Each unit (a funder group or a lone source) and each renewal factor draws from its own
/// stream, named after the sample and the source's id, and every sample draws the same
/// numbers whatever the outcomes. So a change to one source's probability, or adding a
/// source, leaves every other draw of the sample as it was: scenarios with the same seed
/// compare like for like (common random numbers), which is what makes "more money never
/// lowers coverage" hold sample by sample.
struct SampleDraws {
    /// Multiplier on each slot's base amounts: 0 when the money does not come.
    private(set) var slotMultiplier: [Double]
    /// Cost multiplier from the k-th 1 April on (compounded).
    private(set) var inflation: [Double]
    /// Whether each pooled fund comes.
    private(set) var poolComes: [Bool]
    private var materialise: [Double]
    /// Unit u's draw for renewal g (1-based) at `u * maxGeneration + g - 1`.
    private var renew: [Double]
    private var renewalFactor: [Double]
    /// Renewals any slot of each unit can have: the unit draws no more than those.
    private let unitGenerations: [Int]
    /// Whether each unit draws at all: not when chance decides none of its slots.
    private let unitDraws: [Bool]
    /// Whether each slot's money is decided by chance; the others' multipliers are set once.
    private let slotDrawn: [Bool]

    init(model: PreparedScenario) {
        slotMultiplier = [Double](repeating: 0, count: model.slots.count)
        inflation = [Double](repeating: 1, count: model.inflationSteps)
        poolComes = [Bool](repeating: false, count: model.pools.count)
        materialise = [Double](repeating: 0, count: model.unitCount)
        renew = [Double](repeating: 0, count: model.unitCount * model.maxGeneration)
        renewalFactor = [Double](repeating: 1, count: model.slots.count)
        var unitGenerations = [Int](repeating: 0, count: model.unitCount)
        for slot in model.slots { unitGenerations[slot.unit] = Swift.max(unitGenerations[slot.unit], slot.generation) }
        self.unitGenerations = unitGenerations
        // A draw in [0, 1) is always below a probability of 1 and never below one of 0 (or
        // a probability that is not a number), so such money comes, or not, in every sample.
        slotDrawn = model.slots.map { $0.generation > 0 || ($0.probability > 0 && $0.probability < 1) }
        var unitDraws = unitGenerations.map { $0 > 0 }
        for (s, slot) in model.slots.enumerated() {
            if slotDrawn[s] { unitDraws[slot.unit] = true }
            if slot.generation == 0 && !slotDrawn[s] { slotMultiplier[s] = slot.probability >= 1 ? slot.scale : 0 }
        }
        self.unitDraws = unitDraws
    }

    /// The part of every stream's generator that depends on the seed and the sample only,
    /// worked out once per sample rather than once per stream.
    static func sampleKey(seed: UInt64, sample: Int) -> UInt64 {
        var mixer = SeededRandom(seed: seed ^ (UInt64(sample) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    /// A stream that depends on the seed, the sample's index (`sampleKey`) and the stream's
    /// name only, so results do not depend on which thread runs which sample.
    static func generator(sampleKey: UInt64, stream: UInt64) -> SeededRandom {
        var second = SeededRandom(seed: sampleKey ^ stream)
        return SeededRandom(seed: second.next())
    }

    mutating func draw(sample: Int, seed: UInt64, model: PreparedScenario) {
        let generations = model.maxGeneration
        let key = Self.sampleKey(seed: seed, sample: sample)
        for u in 0..<model.unitCount where unitDraws[u] {
            var random = Self.generator(sampleKey: key, stream: model.unitStreams[u])
            materialise[u] = random.uniform()
            // Each renewal's draw is the next number of the unit's stream, so drawing only
            // the ones its slots can use leaves every one of them as it was.
            for g in 0..<unitGenerations[u] { renew[u * generations + g] = random.uniform() }
        }
        let renewalProbability = model.renewal?.probability ?? 0
        let factorRange = model.renewal?.amountFactor ?? .exactly(1)
        for s in model.slots.indices where slotDrawn[s] {
            let slot = model.slots[s]
            if slot.generation == 0 {
                renewalFactor[s] = 1
                slotMultiplier[s] = materialise[slot.unit] < slot.probability ? slot.scale : 0
            } else if !(slotMultiplier[s - 1] > 0) {
                // Slots of one source sit together, each renewal right after the one before:
                // a renewal of money that did not come cannot come either, and its factor,
                // drawn from its own stream, matters to nothing else.
                slotMultiplier[s] = 0
            } else {
                var random = Self.generator(sampleKey: key, stream: slot.stream)
                let factor = renewalFactor[s - 1] * factorRange.value(at: random.uniform())
                renewalFactor[s] = factor
                let renewed = renew[slot.unit * generations + slot.generation - 1] < renewalProbability
                slotMultiplier[s] = renewed ? slot.scale * factor : 0
            }
        }
        for p in model.pools.indices {
            var random = Self.generator(sampleKey: key, stream: model.pools[p].stream)
            poolComes[p] = random.uniform() < model.pools[p].probability
        }
        var random = Self.generator(sampleKey: key, stream: 0x696E_666C_6174_696F)   // "inflatio"
        var level = 1.0
        for k in inflation.indices {
            level *= 1 + model.inflation.value(at: random.uniform())
            inflation[k] = level
        }
    }
}

extension SeededRandom {
    /// Uniform in [0, 1) from the top 53 bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
