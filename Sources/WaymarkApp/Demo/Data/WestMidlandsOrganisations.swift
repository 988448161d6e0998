import Foundation

// Councils, funders and the police are real bodies; schools, providers and the evaluator are invented
// (charity and company numbers included), so nothing here describes a real organisation's conduct.
extension DemoWestMidlands {
    static let localAuthorities: [DemoLocalAuthority] = [
        DemoLocalAuthority(name: "Birmingham", gssCode: "E08000025", calendarKey: "standard"),
        DemoLocalAuthority(name: "Coventry", gssCode: "E08000026", calendarKey: "standard"),
        DemoLocalAuthority(name: "Dudley", gssCode: "E08000027", calendarKey: "standard"),
        DemoLocalAuthority(name: "Sandwell", gssCode: "E08000028", calendarKey: "standard"),
        DemoLocalAuthority(name: "Solihull", gssCode: "E08000029", calendarKey: "standard"),
        DemoLocalAuthority(name: "Walsall", gssCode: "E08000030", calendarKey: "standard"),
        DemoLocalAuthority(name: "Wolverhampton", gssCode: "E08000031", calendarKey: "wolverhampton"),
    ]

    static let organisations: [DemoOrganisation] = [
        org("West Midlands Violence Reduction Partnership", "commissioner"),

        council("Birmingham City Council", "Birmingham", "E08000025"),
        council("Coventry City Council", "Coventry", "E08000026"),
        council("Dudley Metropolitan Borough Council", "Dudley", "E08000027"),
        council("Sandwell Metropolitan Borough Council", "Sandwell", "E08000028"),
        council("Solihull Metropolitan Borough Council", "Solihull", "E08000029"),
        council("Walsall Metropolitan Borough Council", "Walsall", "E08000030"),
        council("City of Wolverhampton Council", "Wolverhampton", "E08000031"),

        school("Stafford Street Academy", urn: "156121", in: "Wolverhampton"),
        school("Blakenhall Community Academy", urn: "144747", in: "Wolverhampton"),
        school("Ladypool Academy", urn: "154167", in: "Birmingham"),
        school("Swanswell Academy", urn: "138484", in: "Coventry"),
        school("Cape Hill Academy", urn: "152285", in: "Sandwell"),

        org("Lanternway Youth Trust", "provider", charity: "1193472", company: "12048817"),
        org("Black Country Kerbside CIO", "provider", charity: "1184065"),
        org("Three Spires Safe Steps CIC", "provider", company: "13587204"),
        org("Kestrel Youth Outreach", "provider", charity: "1178293", company: "11205476"),

        org("Home Office", "funder"),
        org("Youth Endowment Fund", "funder"),
        org("Office of the West Midlands Police and Crime Commissioner", "funder"),
        org("West Midlands Police", "police"),

        org("Halcyon Field Evaluation Ltd", "other", company: "09842176"),
    ]

    private static func org(
        _ name: String, _ kind: String, charity: String? = nil, company: String? = nil
    ) -> DemoOrganisation {
        DemoOrganisation(
            name: name, kind: kind, gssCode: nil, charityNumber: charity, companyNumber: company,
            urn: nil, localAuthority: nil
        )
    }

    private static func council(_ name: String, _ localAuthority: String, _ gss: String) -> DemoOrganisation {
        DemoOrganisation(
            name: name, kind: "local_authority", gssCode: gss, charityNumber: nil, companyNumber: nil,
            urn: nil, localAuthority: localAuthority
        )
    }

    private static func school(_ name: String, urn: String, in localAuthority: String) -> DemoOrganisation {
        DemoOrganisation(
            name: name, kind: "school", gssCode: nil, charityNumber: nil, companyNumber: nil,
            urn: urn, localAuthority: localAuthority
        )
    }
}
