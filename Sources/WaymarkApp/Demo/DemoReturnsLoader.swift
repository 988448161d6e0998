import Fluent
import Foundation
import WaymarkDomain

/// Files the demo contracts' monthly returns from October 2021 to the seeding day, as the
/// providers and the commissioner would have: each return submitted a few days before it was
/// due and approved by Amara Okafor, except the story's exceptions (`DemoReturns`). The story's
/// own contracts stop at June 2024, as they always did; the carried-on ones file every month
/// whose return was in by yesterday, and leave a review that falls today or later waiting.
/// Every version keeps the return rules and holds no personal data, or the seeding stops.
struct DemoReturnsLoader {
    let context: TenantContext
    let today: Day

    /// The rows to insert, and each contract's approved months with the day they were approved.
    struct Filed {
        var returns: [MonthlyReturnRecord] = []
        var versions: [ReturnVersionRecord] = []
        var reviews: [ReturnReviewRecord] = []
        var approved: [UUID: [CalendarMonth: Day]] = [:]
    }

    func file(_ contracts: [DemoContractsLoader.Seeded]) async throws -> Filed {
        let routes = try await context.query(Route.self).all()
        let schedules = try await RouteSchedules.build(context, routes: routes)
        let costs = Dictionary(grouping: try await context.query(RouteCostRecord.self).sort(\.$effectiveFrom).all(), by: \.routeID)
        let shapes = Dictionary(uniqueKeysWithValues: routes.compactMap { route -> (UUID, DemoReturnFigures.RouteShape)? in
            guard let id = route.id, let cost = costs[id]?.last else { return nil }
            return (id, .init(code: route.code, childrenPerDay: route.childrenPerDay, chaperones: cost.chaperones, minutesPerDay: cost.minutesPerDay))
        })
        let codes = Dictionary(uniqueKeysWithValues: routes.compactMap { route in route.id.map { ($0, route.code) } })
        let people = try await Person.query(on: context.db).all()
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        var figures = DemoReturnFigures(random: SeededRandom(seed: 2021_10_01))
        var filed = Filed()

        for seeded in contracts {
            let terms = seeded.contract.current
            let months = ReturnExpectation.months(of: terms)
            let filers = try (DemoWestMidlands.returnFilers[seeded.provider] ?? []).map { email -> Person in
                guard let person = people.first(where: { $0.email == email }) else { throw StoryBroken(description: "\(email) is missing") }
                return person
            }
            guard !filers.isEmpty else { throw StoryBroken(description: "nobody files \(seeded.provider)'s returns") }
            let isStory = DemoReturns.storyContracts.contains(seeded.reference)
            for month in months where !isStory || month <= DemoReturns.lastFiledMonth {
                let expected = ReturnExpectation.of(terms, month: month, codes: codes) { routeID, range in
                    schedules[routeID].map { $0.indexes(in: range).count } ?? 0
                }
                let lines = try expected.routes.map { route -> RouteReturnLine in
                    guard let shape = shapes[route.routeID] else { throw StoryBroken(description: "\(route.code) has no cost") }
                    return figures.line(routeID: route.routeID, shape: shape, schoolDays: route.schoolDays, month: month)
                }
                let place: DemoReturnNarratives.Place = month == months.first
                    ? (terms.start.year == 2021 ? .first : .continuing) : month == months.last ? .last : .middle
                let story = DemoReturns.exception(seeded.reference, month)
                let narrative = [DemoReturnNarratives.opening(place), figures.pick(DemoReturnNarratives.byMonth[month.month] ?? [""]),
                                 DemoReturnNarratives.figures(lines, codes: codes), story == .late ? DemoReturns.lateApology : nil]
                    .compactMap { $0 }.joined(separator: " ")
                let hasSchool = lines.contains { $0.schoolDays > 0 }
                let caseStudy = hasSchool && figures.draw(6) == 0 ? figures.pick(DemoReturnNarratives.caseStudies) : nil
                let content = ReturnContent(month: month, lines: lines, narrative: narrative, caseStudy: caseStudy)
                try check(content, expected)

                let due = deadlines.due(for: month)
                let record = MonthlyReturnRecord(tenantID: context.tenantID, contractID: seeded.contract.id, month: month, due: due, at: AppClock.shared.now())
                record.id = UUID()
                let filer = filers[figures.draw(filers.count)]
                let submitted = story == .late
                    ? DemoReturns.workingDays(4, after: due, deadlines) : deadlines.workingDays(1 + figures.draw(4), before: due)
                if submitted >= today { continue }
                var at = DemoReturns.instant(submitted, hour: 9 + figures.draw(8), minute: 15 * figures.draw(4))
                record.createdAt = at
                record.firstSubmittedAt = at
                var steps = [(day: submitted, status: ReturnStatus.submitted)]
                func submit(_ content: ReturnContent, _ number: Int, _ at: Date) throws {
                    filed.versions.append(try version(record, number, content, filer, figures.pick(DemoReturns.channels), at))
                }
                func review(_ step: ReturnReview.Step, _ number: Int, on day: Day, comments: [UUID: String] = [:]) throws -> Date {
                    let at = DemoReturns.instant(day, hour: 10 + figures.draw(6), minute: 15 * figures.draw(4))
                    let row = try ReturnReviewRecord(tenantID: context.tenantID, returnID: record.id!, versionNumber: number, step: step,
                                                     note: "", lineComments: comments, by: DemoReturns.commissioner, at: at)
                    row.id = UUID()
                    filed.reviews.append(row)
                    steps.append((day, step.resulting))
                    return at
                }

                if story == .queried, let query = DemoReturns.queriedVersion(of: content, codes: codes) {
                    try check(query.content, expected)
                    try submit(query.content, 1, at)
                    let queried = DemoReturns.workingDays(2, after: submitted, deadlines)
                    _ = try review(.query, 1, on: queried, comments: query.comments)
                    let resubmitted = DemoReturns.workingDays(2, after: queried, deadlines)
                    at = DemoReturns.instant(resubmitted, hour: 11, minute: 30)
                    var corrected = content
                    corrected.narrative += " " + query.correction
                    try check(corrected, expected)
                    try submit(corrected, 2, at)
                    steps.append((resubmitted, .submitted))
                    at = try review(.approve, 2, on: DemoReturns.workingDays(1, after: resubmitted, deadlines))
                } else {
                    try submit(content, 1, at)
                    // The two the story left awaiting review at its present were approved soon after.
                    let approvedOn = story == .awaitingReview ? DemoReturns.workingDays(3, after: DemoReturns.present, deadlines)
                        : DemoReturns.workingDays(1 + figures.draw(4), after: submitted, deadlines)
                    if approvedOn < today { at = try review(.approve, 1, on: approvedOn) }
                }
                let last = steps[steps.count - 1]
                if last.status == .approved { filed.approved[seeded.contract.id, default: [:]][month] = last.day }
                record.statusText = last.status.rawValue
                record.latestVersion = story == .queried ? 2 : 1
                record.version = steps.count + 1
                record.updatedAt = at
                filed.returns.append(record)
            }
        }
        return filed
    }

    private func version(_ record: MonthlyReturnRecord, _ number: Int, _ content: ReturnContent, _ filer: Person,
                         _ channel: ReturnChannel, _ at: Date) throws -> ReturnVersionRecord {
        let row = try ReturnVersionRecord(tenantID: context.tenantID, returnID: record.id!, number: number, content: content,
                                          channel: channel, by: filer.id!, name: filer.name, at: at)
        row.id = UUID()
        return row
    }

    /// A return the story files must pass what a provider's would: the rules, and no personal data.
    private func check(_ content: ReturnContent, _ expected: ReturnExpectation) throws {
        let problems = ReturnRules.problems(content, expected: expected).map(\.message)
        let personal = PersonalDataScan.findings(in: content.narrative + "\n" + (content.caseStudy ?? "")).map(\.excerpt)
        guard problems.isEmpty, personal.isEmpty else {
            throw StoryBroken(description: "the \(content.month.longDisplay) return breaks the rules: "
                + (problems + personal.map { "personal data: \($0)" }).joined(separator: "; "))
        }
    }

    struct StoryBroken: Error, CustomStringConvertible { let description: String }
}
