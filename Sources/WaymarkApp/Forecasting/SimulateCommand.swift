import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// `waymark simulate --tenant SLUG --scenario FILE.json [--samples N] [--seed S] [--as-of DATE] [--format json|csv]`:
/// runs a scenario (docs/scenario-format.md) from the tenant's state as of a day and
/// writes the forecast to standard output; progress goes to standard error.
struct SimulateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tenant", help: "The tenant's short name, e.g. west-midlands") var tenant: String?
        @Option(name: "scenario", help: "A scenario JSON file (docs/scenario-format.md)") var scenario: String?
        @Option(name: "samples", help: "Samples to draw (overrides the file)") var samples: Int?
        @Option(name: "seed", help: "Random seed (overrides the file)") var seed: UInt64?
        @Option(name: "as-of", help: "Start from the tenant's state on this day, YYYY-MM-DD (default today)") var asOf: String?
        @Option(name: "months", help: "Horizon in months (default 36)") var months: Int?
        @Option(name: "format", help: "json (default) or csv") var format: String?
    }
    var help: String { "Forecast route coverage under a funding scenario (Monte Carlo)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let slug = signature.tenant, let path = signature.scenario else {
            throw CommandError.custom("Give --tenant SLUG and --scenario FILE.json")
        }
        let format = signature.format ?? "json"
        guard ["json", "csv"].contains(format) else { throw CommandError.custom("--format must be json or csv") }
        let asOf: Day
        if let text = signature.asOf {
            guard let day = Day(entered: text) else { throw CommandError.custom("--as-of must be a date from 1900 to 2199 written as YYYY-MM-DD; '\(text)' is not") }
            asOf = day
        } else {
            asOf = AppClock.shared.today
        }
        var scenario = try Self.readScenario(path)
        if let samples = signature.samples {
            guard samples > 0 else { throw CommandError.custom("--samples must be at least 1") }
            scenario.samples = samples
        }
        if let seed = signature.seed { scenario.seed = seed }
        let horizon = signature.months ?? 36
        guard (1...120).contains(horizon) else { throw CommandError.custom("--months must be from 1 to 120") }

        let app = context.application
        try await Waymark.migrate(app)
        guard let tenant = try await app.platformDB({ db in try await Tenant.query(on: db).filter(\.$slug == slug).first() }) else {
            throw CommandError.custom("No tenant has the short name '\(slug)'")
        }
        let base = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            try await SimulationBaseLoader.load(.system(tenant: tenant, db: db, job: "simulate@waymark"), asOf: asOf, horizonMonths: horizon)
        }
        // Checked again after the command line's overrides, and against the tenant's own ids.
        let problems = scenario.problems() + scenario.problems(against: base)
        guard problems.isEmpty else { throw CommandError.custom("\(path): " + problems.joined(separator: "; ")) }
        let progress = ProgressLine()
        let result = Simulation.run(scenario, on: base, progress: { done, total in progress.report(done, total) })
        let report = ForecastReport(result, asOf: asOf)
        let output = format == "csv" ? report.csv : try APIJSON.encoder.encode(report)
        FileHandle.standardOutput.write(output)
        if format == "json" { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }

    static func readScenario(_ path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError.custom("Cannot read \(path)") }
        do {
            return try ScenarioJSON.decode(data)
        } catch let invalid as ScenarioJSON.Invalid {
            throw CommandError.custom("\(path): \(invalid.message)")
        }
    }
}

/// "Sampling: 40%" on standard error, every tenth of the way.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastTenth = -1

    func report(_ done: Int, _ total: Int) {
        let tenth = total > 0 ? done * 10 / total : 10
        lock.lock()
        defer { lock.unlock() }
        guard tenth > lastTenth else { return }
        lastTenth = tenth
        FileHandle.standardError.write(Data("Sampling: \(tenth * 10)% (\(done) of \(total))\n".utf8))
    }
}
