import Foundation
import WaymarkDomain
import WaymarkSimulation

/// Benchmarks for the pure domain. `ops/bench` runs the release build:
///
///     WaymarkBench coverage [--runs N] [--as-of YYYY-MM-DD]
///     WaymarkBench simulation [demo|national|both] [--samples N] [--threads N] [--engine jump|walk|both]
///     WaymarkBench whatittakes [demo|national|both] [--samples N] [--threads N] [--target P] [--engine jump|walk|both]
///
/// `--engine both` (the simulation's default) runs the jumping engine and then the
/// day-by-day walk, and fails unless their figures are equal.
let usage = "usage: WaymarkBench coverage [--runs N] [--as-of YYYY-MM-DD]\n"
    + "       WaymarkBench simulation [demo|national|both] [--samples N] [--threads N] [--engine jump|walk|both]\n"
    + "       WaymarkBench whatittakes [demo|national|both] [--samples N] [--threads N] [--target P] [--engine jump|walk|both]"

var arguments = CommandLine.arguments.dropFirst()
let command = arguments.popFirst()
if command == "simulation" || command == "whatittakes" {
    var cases = ["demo", "national"], samples = 10_000, threads: Int?, target = 0.9
    // The walk takes minutes on "what it would take"'s national case, so it is asked for there.
    var engines: [SimulationEngine] = command == "simulation" ? [.jump, .walk] : [.jump]
    while let option = arguments.popFirst() {
        switch option {
        case "demo", "national": cases = [option]
        case "both": cases = ["demo", "national"]
        case "--samples": samples = arguments.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? samples
        case "--threads": threads = arguments.popFirst().flatMap { Int($0) }
        case "--engine":
            switch arguments.popFirst() {
            case "jump": engines = [.jump]
            case "walk": engines = [.walk]
            case "both": engines = [.jump, .walk]
            default: print(usage); exit(2)
            }
        case "--target" where command == "whatittakes":
            guard let value = arguments.popFirst().flatMap({ Double($0) }), (0...1).contains(value) else { print(usage); exit(2) }
            target = value
        default: print(usage); exit(2)
        }
    }
    let agreed = command == "simulation"
        ? SimulationBenchmark.run(cases: cases, samples: samples, threads: threads, engines: engines)
        : WhatItWouldTakeBenchmark.run(cases: cases, samples: samples, threads: threads, target: target, engines: engines)
    exit(agreed ? 0 : 1)
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
