import Foundation
import WaymarkDomain

/// The figures of the demo's monthly returns: what a route of this size plausibly reports in a
/// month with this many school days. Drawn from one `SeededRandom` in a fixed order, so every
/// seeding gives the same returns.
struct DemoReturnFigures {
    /// What a route brings to its figures: how many children walk it and how it is staffed.
    struct RouteShape {
        let code: String
        let childrenPerDay: Int
        let chaperones: Int
        /// Each chaperone's minutes on the route a school day (both sessions).
        let minutesPerDay: Int
    }

    var random: SeededRandom

    /// A line that keeps `ReturnRules`: at most the planned sessions (usually 90 to 100% of
    /// them), de-escalated within the incidents, checks within the staff.
    mutating func line(routeID: UUID, shape: RouteShape, schoolDays: Int, month: CalendarMonth) -> RouteReturnLine {
        var line = RouteReturnLine(routeID: routeID, schoolDays: schoolDays)
        // A month without school days (August) owes a line, but nothing was due on it.
        guard schoolDays > 0 else { return line }
        let planned = schoolDays * RouteReturnLine.sessionsPerSchoolDay
        // Most months lose a session or two to sickness or a closure; now and then a few more.
        let missed = draw(10) < 7 ? draw(3) : draw(planned / 10 + 1)
        let delivered = planned - min(missed, planned / 10)
        line[.sessionsDelivered] = delivered
        let minutes = Double(delivered * shape.chaperones * shape.minutesPerDay) / Double(RouteReturnLine.sessionsPerSchoolDay)
        line.chaperoneHours = (minutes / 15).rounded() / 4

        // Scale by the month's share of a full month of school, and by the route's size.
        let share = Double(schoolDays) / 20
        let size = Double(shape.childrenPerDay) / 800
        let winter = [11, 12, 1, 2].contains(month.month)
        func scaled(_ upTo: Int, bump: Int = 0) -> Int { Int((Double(draw(upTo + 1) + bump) * share * size).rounded()) }

        line[.youngPeopleEngaged] = Int(Double(shape.childrenPerDay) * (0.08 + Double(draw(8)) / 100) * share)
        line[.incidentsViolence] = scaled(2)
        line[.incidentsBullying] = scaled(4)
        line[.incidentsAntiSocialBehaviour] = scaled(4, bump: winter ? 2 : 0)
        line[.incidentsWeapons] = draw(20) == 0 ? 1 : 0
        line[.incidentsOther] = scaled(2)
        let incidents = line.incidentsTotal
        line[.incidentsDeEscalated] = incidents == 0 ? 0 : min(incidents, Int((Double(incidents) * Double(60 + draw(35)) / 100).rounded()))
        line[.safeguardingConcerns] = scaled(2)
        line[.referralsMentalHealth] = scaled(3)
        line[.referralsFoodAndClothing] = scaled(2, bump: winter ? 2 : 0)
        line[.referralsDiversionaryActivity] = scaled(4)
        line[.referralsMentoring] = scaled(2)
        line[.referralsOther] = draw(4) == 0 ? 1 : 0
        line[.policeContacts] = max(1, scaled(5))
        line[.schoolContacts] = max(2, Int((Double(4 + draw(8)) * share).rounded()))
        // A route lead as well as the chaperones; now and then a relief worker covers a gap.
        let staff = shape.chaperones + 1 + (draw(5) == 0 ? 1 : 0)
        line[.staffOnRoute] = staff
        line[.staffChecksInDate] = draw(12) == 0 ? staff - 1 : staff
        return line
    }

    /// A number from 0 to `bound` − 1 (0 when `bound` is not positive).
    mutating func draw(_ bound: Int) -> Int {
        bound > 0 ? Int(random.next() % UInt64(bound)) : 0
    }

    /// One of `options`.
    mutating func pick<T>(_ options: [T]) -> T { options[draw(options.count)] }
}
