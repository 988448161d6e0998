import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// The scenario builder's first form: what the scenario is called, where it starts, and
/// what it leaves to chance. Interventions and per-source probabilities have their own
/// forms, so each works without JavaScript; saving this form keeps them as they were.
///
/// People think of chances and rises in percent, so the form speaks percent and the
/// scenario (docs/scenario-format.md) holds fractions.
enum ForecastSettingsForm {
    struct Form: Content {
        var name: String?, description: String?, as_of: String?, horizon_months: String?, samples: String?, seed: String?
        var p_prospective: String?, p_pledged: String?, p_confirmed: String?, p_received: String?
        var renewal: String?, renewal_probability: String?, renewal_factor_low: String?, renewal_factor_high: String?
        var renewal_delay_days: String?
        var inflation_low: String?, inflation_high: String?
        var shared: String?
        var version: Int?
    }

    /// The form's fields as typed, to show again beside errors.
    struct Values: Codable, Sendable {
        var name = "", description = "", asOf = "", horizonMonths = "36", samples = "10000", seed = "1"
        var pProspective = "30", pPledged = "70", pConfirmed = "100", pReceived = "100"
        var renewal = "none", renewalProbability = "50", renewalFactorLow = "90", renewalFactorHigh = "100", renewalDelayDays = "0"
        var inflationLow = "0", inflationHigh = "0"
        var shared = false
        var version = 0
    }

    struct Parsed: Sendable {
        var name: String
        var description: String
        var asOf: Day
        var horizonMonths: Int
        var scenario: Scenario
        var shared: Bool
    }

    /// The largest sample count the pages run: a million samples of a national tenant
    /// would hold the server for an hour. The shell allows more.
    static let maxSamples = 100_000

    static func values(_ form: Form) -> Values {
        Values(name: form.name ?? "", description: form.description ?? "", asOf: form.as_of ?? "",
               horizonMonths: form.horizon_months ?? "", samples: form.samples ?? "", seed: form.seed ?? "",
               pProspective: form.p_prospective ?? "", pPledged: form.p_pledged ?? "", pConfirmed: form.p_confirmed ?? "",
               pReceived: form.p_received ?? "", renewal: form.renewal ?? "none",
               renewalProbability: form.renewal_probability ?? "", renewalFactorLow: form.renewal_factor_low ?? "",
               renewalFactorHigh: form.renewal_factor_high ?? "", renewalDelayDays: form.renewal_delay_days ?? "",
               inflationLow: form.inflation_low ?? "", inflationHigh: form.inflation_high ?? "",
               shared: form.shared == "yes", version: form.version ?? 0)
    }

    /// The values a saved scenario shows in the form.
    static func values(_ record: ForecastScenarioRecord, _ scenario: Scenario) -> Values {
        let u = scenario.uncertainty
        var values = Values(name: record.name, description: record.description, asOf: record.asOfDay,
                            horizonMonths: String(record.horizonMonths), samples: String(scenario.samples), seed: String(scenario.seed),
                            pProspective: Percent.text(u.byStatus.prospective), pPledged: Percent.text(u.byStatus.pledged),
                            pConfirmed: Percent.text(u.byStatus.confirmed), pReceived: Percent.text(u.byStatus.received),
                            inflationLow: Percent.text(u.inflation.low), inflationHigh: Percent.text(u.inflation.high),
                            shared: record.shared, version: record.version)
        if let renewal = u.renewal {
            values.renewal = "renew"
            values.renewalProbability = Percent.text(renewal.probability)
            values.renewalFactorLow = Percent.text(renewal.amountFactor.low)
            values.renewalFactorHigh = Percent.text(renewal.amountFactor.high)
            values.renewalDelayDays = String(renewal.decisionDelayDays)
        }
        return values
    }

    /// The form applied to `scenario` (its interventions and overrides kept), or every
    /// problem, each naming its field.
    static func parse(_ values: Values, onto start: Scenario) -> Result<Parsed, FieldErrors> {
        var errors: [FieldError] = []
        let name = values.name.trimmed
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter a name for the scenario, like No Home Office renewal")) }
        if name.count > 120 { errors.append(.init(field: "name", message: "The name must be 120 characters or fewer")) }
        let description = values.description.trimmed
        if description.count > 2_000 { errors.append(.init(field: "description", message: "The description must be 2,000 characters or fewer")) }
        let asOf = Day(entered: values.asOf)
        if asOf == nil { errors.append(.init(field: "as_of", message: "Enter the day the forecast starts from, like 2022-09-01")) }
        let horizon = Int(values.horizonMonths.trimmed)
        if horizon.map({ !(1...120).contains($0) }) ?? true {
            errors.append(.init(field: "horizon_months", message: "Enter the months to forecast as a whole number from 1 to 120"))
        }

        var scenario = start
        let percent = { (text: String, field: String, label: String) -> Double? in
            guard let value = Percent.parse(text), (0...1).contains(value) else {
                errors.append(.init(field: field, message: "Enter the chance \(label) as a percentage from 0 to 100"))
                return nil
            }
            return value
        }
        scenario.uncertainty.byStatus.prospective = percent(values.pProspective, "p_prospective", "that prospective money comes") ?? 0
        scenario.uncertainty.byStatus.pledged = percent(values.pPledged, "p_pledged", "that pledged money comes") ?? 0
        scenario.uncertainty.byStatus.confirmed = percent(values.pConfirmed, "p_confirmed", "that confirmed money comes") ?? 0
        scenario.uncertainty.byStatus.received = percent(values.pReceived, "p_received", "that received money stays") ?? 0
        scenario.uncertainty.renewal = nil
        if values.renewal == "renew" {
            let probability = percent(values.renewalProbability, "renewal_probability", "of each renewal")
            let low = Percent.parse(values.renewalFactorLow), high = Percent.parse(values.renewalFactorHigh)
            if low.map({ !(0...Scenario.factorCeiling).contains($0) }) ?? true {
                errors.append(.init(field: "renewal_factor_low", message: "Enter the smallest renewal as a percentage of the amount before, from 0 to 1000"))
            }
            if high.map({ !(0...Scenario.factorCeiling).contains($0) }) ?? true {
                errors.append(.init(field: "renewal_factor_high", message: "Enter the largest renewal as a percentage of the amount before, from 0 to 1000"))
            }
            if let low, let high, low > high {
                errors.append(.init(field: "renewal_factor_high", message: "The largest renewal (\(values.renewalFactorHigh)%) must not be below the smallest (\(values.renewalFactorLow)%)"))
            }
            let delay = Int(values.renewalDelayDays.trimmed)
            if delay.map({ !(0...3_650).contains($0) }) ?? true {
                errors.append(.init(field: "renewal_delay_days", message: "Enter the days a renewal decision takes as a whole number from 0 to 3650"))
            }
            if let probability, let low, let high, low <= high, let delay {
                scenario.uncertainty.renewal = RenewalAssumption(probability: probability, amountFactor: DrawRange(low, high),
                                                                 decisionDelayDays: delay)
            }
        } else if values.renewal != "none" {
            errors.append(.init(field: "renewal", message: "Choose whether renewable sources may renew"))
        }
        let inflationLow = Percent.parse(values.inflationLow), inflationHigh = Percent.parse(values.inflationHigh)
        if inflationLow.map({ !(-0.99...1).contains($0) }) ?? true {
            errors.append(.init(field: "inflation_low", message: "Enter the lowest yearly cost rise as a percentage from -99 to 100, like 3"))
        }
        if inflationHigh.map({ !(-0.99...1).contains($0) }) ?? true {
            errors.append(.init(field: "inflation_high", message: "Enter the highest yearly cost rise as a percentage from -99 to 100, like 6"))
        }
        if let low = inflationLow, let high = inflationHigh {
            if low > high {
                errors.append(.init(field: "inflation_high", message: "The highest cost rise (\(values.inflationHigh)%) must not be below the lowest (\(values.inflationLow)%)"))
            } else {
                scenario.uncertainty.inflation = DrawRange(low, high)
            }
        }
        // Samples and seed sit last on the page, so their problems are listed last.
        let samples = Int(values.samples.trimmed.replacingOccurrences(of: ",", with: ""))
        if samples.map({ !(1...maxSamples).contains($0) }) ?? true {
            errors.append(.init(field: "samples", message: "Enter the number of samples as a whole number from 1 to 100,000"))
        }
        let seed = UInt64(values.seed.trimmed)
        if seed == nil { errors.append(.init(field: "seed", message: "Enter the seed as a whole number, 0 or more, like 1")) }
        guard errors.isEmpty, let asOf, let horizon, let samples, let seed else { return .failure(FieldErrors(errors)) }
        scenario.name = name
        scenario.samples = samples
        scenario.seed = seed
        // The engine's own checks, last: anything the form let through is still named.
        let problems = scenario.problems()
        guard problems.isEmpty else { return .failure(FieldErrors(problems.map { .init(field: "name", message: $0) })) }
        return .success(Parsed(name: name, description: description, asOf: asOf, horizonMonths: horizon,
                               scenario: scenario, shared: values.shared))
    }
}

struct FieldErrors: Error {
    let errors: [FieldError]
    init(_ errors: [FieldError]) { self.errors = errors }
}

/// Percentages as the forms show them ("12.5") and the fractions the scenario holds (0.125).
enum Percent {
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmed.replacingOccurrences(of: "%", with: "").trimmed
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return (value * 1_000_000).rounded() / 100_000_000
    }

    static func text(_ fraction: Double) -> String {
        let value = (fraction * 100 * 10_000).rounded() / 10_000
        return value == value.rounded() ? String(Int64(value)) : String(value)
    }
}
