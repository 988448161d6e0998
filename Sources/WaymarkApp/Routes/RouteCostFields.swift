import Foundation
import Vapor
import WaymarkDomain

/// The five fields of one daily cost entry, as the new-route form and the cost pages
/// take them. Named like the import's cost columns, and checked against the same
/// RouteRules, so a cost the form accepts the import accepts too.
enum RouteCostFields {
    struct Values: Encodable {
        var from = "", chaperones = "", minutesPerDay = "", hourlyRate = "", dailyManagement = ""

        init() {}

        init(form: Form) {
            from = form.cost_from ?? ""; chaperones = form.chaperones ?? ""; minutesPerDay = form.minutes_per_day ?? ""
            hourlyRate = form.hourly_rate ?? ""; dailyManagement = form.daily_management ?? ""
        }

        init(_ record: RouteCostRecord) {
            let entry = record.entry
            from = entry.effectiveFrom.iso; chaperones = String(entry.chaperones); minutesPerDay = String(entry.minutesPerDay)
            hourlyRate = Self.amount(entry.hourlyRate); dailyManagement = Self.amount(entry.dailyManagement)
        }

        /// "16.50": what a person would type, so an unchanged field reads back the same.
        static func amount(_ money: Money) -> String {
            String(format: "%lld.%02lld", money.pence / 100, money.pence % 100)
        }
    }

    struct Form: Content {
        var cost_from: String?
        var chaperones: String?
        var minutes_per_day: String?
        var hourly_rate: String?
        var daily_management: String?
    }

    /// Every problem at once, each named by its field; an entry only when there are none.
    /// The day the cost applies from, when it can be read: the date rules need nothing else,
    /// so they are judged beside the other fields' problems.
    static func from(_ values: Values) -> Day? { Day(entered: values.from.trimmingCharacters(in: .whitespaces)) }

    static func check(_ values: Values) -> (RouteCostModel.Entry?, [FieldError]) {
        var errors: [FieldError] = []
        let from = from(values)
        if from == nil { errors.append(.init(field: "cost_from", message: "Enter the day this cost applies from as a real date, like 2024-09-02")) }
        let chaperones = whole(values.chaperones, in: RouteRules.chaperones, field: "chaperones",
                               what: "the chaperones working the route each school day", &errors)
        let minutes = whole(values.minutesPerDay, in: RouteRules.minutesPerDay, field: "minutes_per_day",
                            what: "the paid minutes per chaperone each school day", &errors)
        let rate = Money(parsing: values.hourlyRate.trimmingCharacters(in: .whitespaces)).flatMap { $0.isNegative ? nil : $0 }
        if rate == nil { errors.append(.init(field: "hourly_rate", message: "Enter the hourly rate per chaperone in pounds, like 16.50")) }
        let managementText = values.dailyManagement.trimmingCharacters(in: .whitespaces)
        let management = managementText.isEmpty ? .zero : Money(parsing: managementText).flatMap { $0.isNegative ? nil : $0 }
        if management == nil {
            errors.append(.init(field: "daily_management", message: "Enter the daily share of management in pounds, like 36.00, or leave it empty for none"))
        }
        guard errors.isEmpty, let from, let chaperones, let minutes, let rate, let management else { return (nil, errors) }
        let entry = RouteCostModel.Entry(effectiveFrom: from, chaperones: chaperones, minutesPerDay: minutes,
                                         hourlyRate: rate, dailyManagement: management)
        if let problem = RouteRules.costProblem(entry) { return (nil, [.init(field: "hourly_rate", message: problem.message)]) }
        return (entry, [])
    }

    /// A whole number in range; "1,200" is accepted as people write it.
    static func whole(_ text: String, in range: ClosedRange<Int>, field: String, what: String, _ errors: inout [FieldError]) -> Int? {
        let number = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        guard let number, range.contains(number) else {
            errors.append(.init(field: field, message: "Enter \(what) as a whole number from \(range.lowerBound.grouped()) to \(range.upperBound.grouped())"))
            return nil
        }
        return number
    }
}
