import Foundation
import WaymarkDomain

/// Benchmarks for the pure domain. `ops/bench` runs the release build:
///
///     WaymarkBench coverage [--runs N] [--as-of YYYY-MM-DD]
///     WaymarkBench simulation [demo|national|both] [--samples N] [--threads N]
let usage = "usage: WaymarkBench coverage [--runs N] [--as-of YYYY-MM-DD]\n"
    + "       WaymarkBench simulation [demo|national|both] [--samples N] [--threads N]"

var arguments = CommandLine.arguments.dropFirst()
let command = arguments.popFirst()
if command == "simulation" {
    var cases = ["demo", "national"], samples = 10_000, threads: Int?
    while let option = arguments.popFirst() {
        switch option {
        case "demo", "national": cases = [option]
        case "both": cases = ["demo", "national"]
        case "--samples": samples = arguments.popFirst().flatMap { Int($0) } ?? samples
        case "--threads": threads = arguments.popFirst().flatMap { Int($0) }
        default: print(usage); exit(2)
        }
    }
    SimulationBenchmark.run(cases: cases, samples: samples, threads: threads)
    exit(0)
}
guard command == "coverage" else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
var runs = 25
var asOf = Day(2024, 10, 1)
while let option = arguments.popFirst() {
    switch option {
    case "--runs":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else { print(usage); exit(2) }
        runs = value
    case "--as-of":
        guard let value = arguments.popFirst().flatMap({ Day(iso: $0) }) else { print(usage); exit(2) }
        asOf = value
    default:
        print(usage)
        exit(2)
    }
}
CoverageBenchmark.run(runs: runs, warmUps: 3, asOf: asOf)
