import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Chances set per source or per funder, and the funders that decide together. A blank
/// chance means the status default; the scenario's overrides are replaced whole by the
/// form's, so what the form shows is exactly what the scenario holds.
enum ForecastOverridesForm {
    struct Form: Content {
        var source_p: [String: String]?
        var funder_p: [String: String]?
        var groups: String?
    }

    struct Values: Codable, Sendable {
        var sources: [String: String] = [:]
        /// By the funder's position in `ForecastChoices.funders`.
        var funders: [String: String] = [:]
        var groups = ""
    }

    static func values(_ scenario: Scenario, choices: ForecastChoices) -> Values {
        var values = Values()
        for override in scenario.uncertainty.overrides {
            if let id = override.sourceID {
                values.sources[id.uuidString] = Percent.text(override.probability)
            } else if let name = override.funderName, let index = choices.funders.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
                values.funders[String(index)] = Percent.text(override.probability)
            }
        }
        values.groups = scenario.uncertainty.funderGroups.map { $0.joined(separator: "; ") }.joined(separator: "\n")
        return values
    }

    static func values(_ form: Form) -> Values {
        Values(sources: form.source_p ?? [:], funders: form.funder_p ?? [:], groups: form.groups ?? "")
    }

    static func parse(_ values: Values, onto start: Scenario, choices: ForecastChoices) -> Result<Scenario, FieldErrors> {
        var errors: [FieldError] = []
        // Chances for sources and funders the form does not list (those the scenario adds) are kept.
        let funders = choices.funders
        let listed = Set(choices.sources.map(\.id)), listedFunders = Set(funders.map { $0.lowercased() })
        var overrides = start.uncertainty.overrides.filter { override in
            if let id = override.sourceID { return !listed.contains(id) }
            return !listedFunders.contains(override.funderName?.lowercased() ?? "")
        }
        for (key, text) in values.funders.sorted(by: { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }) where !text.trimmed.isEmpty {
            guard let index = Int(key), funders.indices.contains(index) else { continue }
            guard let p = Percent.parse(text), (0...1).contains(p) else {
                errors.append(.init(field: "funder-\(index)", message: "Enter the chance for \(funders[index]) as a percentage from 0 to 100, or leave it empty"))
                continue
            }
            overrides.append(ProbabilityOverride(funderName: funders[index], probability: p))
        }
        // Sources after funders: a source's own chance wins over its funder's either way.
        for source in choices.sources {
            guard let text = values.sources[source.id.uuidString], !text.trimmed.isEmpty else { continue }
            guard let p = Percent.parse(text), (0...1).contains(p) else {
                errors.append(.init(field: "source-\(source.id.uuidString)", message: "Enter the chance for \(source.label) as a percentage from 0 to 100, or leave it empty"))
                continue
            }
            overrides.append(ProbabilityOverride(sourceID: source.id, probability: p))
        }
        var groups: [[String]] = []
        let known = Dictionary(funders.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var grouped = Set<String>()
        for (number, line) in values.groups.split(whereSeparator: \.isNewline).enumerated() {
            let names = line.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            guard !names.isEmpty else { continue }
            var group: [String] = []
            for name in names {
                guard let funder = known[name.lowercased()] else {
                    errors.append(.init(field: "groups", message: "Line \(number + 1): no source's funder is called \(name)")); continue
                }
                if !grouped.insert(funder.lowercased()).inserted {
                    errors.append(.init(field: "groups", message: "Line \(number + 1): \(funder) is already in a group; a funder can be in one group only"))
                }
                group.append(funder)
            }
            if names.count < 2 { errors.append(.init(field: "groups", message: "Line \(number + 1): a group needs at least two funders")) }
            groups.append(group)
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        var scenario = start
        scenario.uncertainty.overrides = overrides
        scenario.uncertainty.funderGroups = groups
        return .success(scenario)
    }
}
