import Foundation
import WaymarkDomain

/// The demo returns' narratives: short, in a youth worker's voice, and about the month, never
/// about a person (every one is checked with `PersonalDataScan` when seeding).
enum DemoReturnNarratives {
    /// Where a month sits in its contract, which changes what the provider writes first.
    enum Place { case first, continuing, last, middle }

    static let byMonth: [Int: [String]] = [
        1: ["A quiet start after Christmas. We walked each route with the schools to check the chaperone points still suit.",
            "Dark mornings and icy pavements in the first weeks; we moved one point under a street light at the school's request."],
        2: ["Half-term made it a short month. The week before the break was lively, and we added a chaperone at the busiest corner.",
            "A short month with the February break. Groups gathering by the shops after school calmed once we were there early."],
        3: ["A steady month. Two schools asked us to join their safer journeys assemblies, which pupils took to well.",
            "Lighter evenings brought more children out after school; we stayed ten minutes later at the park end of the route."],
        4: ["The Easter holidays took much of the month. Sessions after the break picked up where they left off.",
            "A short month with Easter. We used the holiday to refresh first aid for the whole team."],
        5: ["Exam season: older pupils were calmer on the routes and we spent more time with the younger years.",
            "May half-term shortened the month. Parents stopped to thank the chaperones at the school gate more than once."],
        6: ["Summer term events meant some late finishes; we matched our times to each school's timetable.",
            "Warm weather and longer evenings brought more groups to the park; we kept a chaperone there until it emptied."],
        7: ["The last weeks of term. We helped the transition days for children starting secondary school in September.",
            "A short month to the end of term; the schools' leavers' events passed off calmly on the routes."],
        8: ["The summer holiday: no school days, so no sessions were due. Staff completed refresher training and planned September's points with the schools."],
        9: ["A busy start of term, with new Year 7 pupils learning the route. We met each school's safeguarding lead in the first week.",
            "New term, new faces: younger pupils needed the most help with road crossings in the first fortnight."],
        10: ["October half-term made it a shorter month; the run-up to bonfire night brought more anti-social behaviour after dark.",
             "A short month with half-term. We worked with neighbourhood police on the evenings before the break."],
        11: ["Darker evenings brought more groups gathering near the shops after school, and more for us to calm down.",
             "A busy month as the nights drew in. Food and clothing referrals rose as the weather turned cold."],
        12: ["A short month before Christmas. Several families were referred to the winter coat and food bank scheme.",
             "The run-up to Christmas was cheerful on the whole; the last day of term finished early and we matched it."],
    ]

    static func opening(_ place: Place) -> String? {
        switch place {
        case .first: "The first month of this contract: chaperones were in place on every route from the first day."
        case .continuing: "Chaperones carried on without a break under the new contract."
        case .last: "The last month of this contract. Families and schools know what happens next on each route."
        case .middle: nil
        }
    }

    /// A sentence on the figures: where sessions were lost, or a word on referrals.
    static func figures(_ lines: [RouteReturnLine], codes: [UUID: String]) -> String? {
        let shortfalls = lines.map { ($0, $0.sessionsPlanned - $0[.sessionsDelivered]) }.filter { $0.1 > 0 }
        if let worst = shortfalls.max(by: { $0.1 < $1.1 }), worst.1 >= 3, let code = codes[worst.0.routeID] {
            return "\(code) missed \(worst.1) sessions when staff sickness left us short; every other session ran."
        }
        let referrals = lines.reduce(0) { $0 + $1.referralsTotal }
        if referrals > 0 {
            return "We made \(referrals) referrals across the routes, most of them to diversionary activities and mentoring."
        }
        return nil
    }

    static let caseStudies = [
        "A Year 8 pupil had been avoiding the route after trouble with older boys near the shops. Our chaperone walked part of the way with them for two weeks and arranged a meeting with the school's pastoral lead. They now walk with friends again and have joined the after-school football club we referred them to.",
        "Two groups from neighbouring estates had been squaring up at the bus stop most afternoons. The chaperones got to know both groups and, with the school, set up a joint five-a-side session. The bus stop has been calm since half-term.",
        "A Year 10 pupil told a chaperone they had been going without breakfast. With the school's safeguarding lead we referred the family to the local food bank and a holiday activities scheme; the pupil now stops for a chat most mornings.",
    ]
}
