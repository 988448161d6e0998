import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// Drawing was made cheaper (the sample's part of every stream worked out once, no draws
/// nobody reads); every number a sample uses must be the one it was before, or every
/// seed's forecast would change.
struct DrawIdentityTests {
    /// What a sample drew before, written as it was.
    struct Before {
        var slotMultiplier: [Double], inflation: [Double], poolComes: [Bool]

        static func generator(seed: UInt64, sample: Int, stream: UInt64) -> SeededRandom {
            var mixer = SeededRandom(seed: seed ^ (UInt64(sample) &* 0x9E37_79B9_7F4A_7C15))
            var second = SeededRandom(seed: mixer.next() ^ stream)
            return SeededRandom(seed: second.next())
        }

        init(sample: Int, seed: UInt64, model: PreparedScenario) {
            let generations = model.maxGeneration
            var materialise = [Double](repeating: 0, count: model.unitCount)
            var renew = [Double](repeating: 0, count: model.unitCount * generations)
            for u in 0..<model.unitCount {
                var random = Self.generator(seed: seed, sample: sample, stream: model.unitStreams[u])
                materialise[u] = random.uniform()
                for g in 0..<generations { renew[u * generations + g] = random.uniform() }
            }
            let renewalProbability = model.renewal?.probability ?? 0
            let factorRange = model.renewal?.amountFactor ?? .exactly(1)
            var renewalFactor = [Double](repeating: 1, count: model.slots.count)
            slotMultiplier = [Double](repeating: 0, count: model.slots.count)
            for s in model.slots.indices {
                let slot = model.slots[s]
                if slot.generation == 0 {
                    renewalFactor[s] = 1
                    slotMultiplier[s] = materialise[slot.unit] < slot.probability ? slot.scale : 0
                } else {
                    var random = Self.generator(seed: seed, sample: sample, stream: slot.stream)
                    let factor = renewalFactor[s - 1] * factorRange.value(at: random.uniform())
                    renewalFactor[s] = factor
                    let renewed = slotMultiplier[s - 1] > 0
                        && renew[slot.unit * generations + slot.generation - 1] < renewalProbability
                    slotMultiplier[s] = renewed ? slot.scale * factor : 0
                }
            }
            poolComes = model.pools.map { pool in
                var random = Self.generator(seed: seed, sample: sample, stream: pool.stream)
                return random.uniform() < pool.probability
            }
            var random = Self.generator(seed: seed, sample: sample, stream: 0x696E_666C_6174_696F)
            var level = 1.0
            inflation = (0..<model.inflationSteps).map { _ in
                level *= 1 + model.inflation.value(at: random.uniform())
                return level
            }
        }
    }

    @Test func everySampleDrawsWhatItDrewBefore() {
        var models = [PreparedScenario(base: Fixture.base(), scenario: Fixture.uncertain())]
        for number in 0..<60 {
            var maker = RandomTenant(seed: 20_000 + UInt64(number))
            let base = maker.base()
            models.append(PreparedScenario(base: base, scenario: maker.scenario(on: base, samples: 1, seed: 3)))
        }
        var renewalsSeen = 0
        for (index, model) in models.enumerated() {
            var draws = SampleDraws(model: model)
            for sample in [0, 1, 2, 63, 64, 999, 123_456] {
                for seed: UInt64 in [1, 42] {
                    draws.draw(sample: sample, seed: seed, model: model)
                    let before = Before(sample: sample, seed: seed, model: model)
                    #expect(draws.slotMultiplier == before.slotMultiplier, "model \(index), sample \(sample)")
                    #expect(draws.inflation == before.inflation && draws.poolComes == before.poolComes)
                    renewalsSeen += zip(model.slots, before.slotMultiplier).filter { $0.generation > 0 && $1 > 0 }.count
                }
            }
        }
        #expect(renewalsSeen > 100)
    }
}
