import Foundation

/// The 360Giving quality checks that matter for a tenant's file, applied before it is served:
/// each grant that fails one is named with the reason, so a commissioner can put it right.
public enum GrantQuality {
    public struct Problem: Hashable, Sendable {
        public let grantID: String
        public let message: String
    }

    public static func problems(_ package: GrantPackage, today: Day) -> [Problem] {
        var problems: [Problem] = []
        var seen: Set<String> = []
        for grant in package.grants {
            func fail(_ message: String) { problems.append(Problem(grantID: grant.id, message: message)) }
            if !seen.insert(grant.id).inserted { fail("Another grant has the same id") }
            if !grant.id.hasPrefix("360G-") { fail("The id does not start 360G-") }
            if let awarded = Day(iso: grant.awardDate), awarded > today { fail("The award date \(awarded.display) is in the future") }
            for dates in grant.plannedDates {
                if let start = Day(iso: dates.startDate), let end = Day(iso: dates.endDate), start > end {
                    fail("The planned start \(start.display) is after the planned end \(end.display)")
                }
            }
            if grant.fundingOrganization.count != 1 { fail("A grant needs exactly one funding organisation") }
            for organisation in grant.recipientOrganization + grant.fundingOrganization {
                if !organisation.id.hasPrefix("360G-"), let problem = OrgID.problem(organisation.id) {
                    fail("\(organisation.name): \(problem)")
                }
                if let charity = organisation.charityNumber, !charity.hasPrefix("SC"), !charity.hasPrefix("NIC"),
                   !(6...7).contains(charity.count) {
                    fail("\(organisation.name): the charity number \(charity) is not 6 or 7 digits")
                }
                if let company = organisation.companyNumber, company.count != 8 {
                    fail("\(organisation.name): the company number \(company) is not 8 characters")
                }
            }
            if grant.amountAwarded <= 0 { fail("The amount awarded is not above £0") }
            let texts = [grant.title, grant.description] + grant.grantProgramme.map(\.title)
            if texts.contains(where: { text in PersonalDataScan.findings(in: text).contains { $0.kind == .email } }) {
                fail("The title, description or programme contains an email address")
            }
        }
        return problems
    }
}
