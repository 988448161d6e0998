import Foundation
@testable import WaymarkDomain

/// A partnership's 2022–2024 history, moved in today through the imports: two local
/// authorities with their own term dates, three routes (one with a cost change), five
/// funding sources with their status histories (pledged, confirmed, received, withdrawn on
/// chosen days, one left pledged, one prospective first), and allocations agreed on chosen
/// days, overlapping, lapsing and restricted. The CSVs and `DesignRules` are both made from
/// these facts.
enum HistoryCase {
    typealias P = DesignRules.Period
    static func d(_ iso: String) -> Day { Day(iso: iso)! }
    static func p(_ a: String, _ b: String) -> P { P(start: d(a), end: d(b)) }

    static let leedsTerms: [DesignRules.Term] = [
        .init(dates: p("2022-09-05", "2022-12-16"), halfTerms: [p("2022-10-24", "2022-10-28")]),
        .init(dates: p("2023-01-03", "2023-03-31"), halfTerms: [p("2023-02-13", "2023-02-17")]),
        .init(dates: p("2023-04-17", "2023-07-21"), halfTerms: [p("2023-05-29", "2023-06-02")]),
        .init(dates: p("2023-09-04", "2023-12-20"), halfTerms: [p("2023-10-30", "2023-11-03")]),
        .init(dates: p("2024-01-04", "2024-03-28"), halfTerms: [p("2024-02-12", "2024-02-16")]),
        .init(dates: p("2024-04-15", "2024-07-19"), halfTerms: [p("2024-05-27", "2024-05-31")]),
    ]
    static let leedsInset = [d("2022-09-05"), d("2023-07-21"), d("2023-09-04")]
    static let wakefieldTerms: [DesignRules.Term] = [
        .init(dates: p("2022-09-06", "2022-12-20"), halfTerms: [p("2022-10-31", "2022-11-04")]),
        .init(dates: p("2023-01-04", "2023-03-31"), halfTerms: [p("2023-02-20", "2023-02-24")]),
        .init(dates: p("2023-04-17", "2023-07-20"), halfTerms: [p("2023-05-29", "2023-06-02")]),
        .init(dates: p("2023-09-05", "2023-12-19"), halfTerms: [p("2023-10-23", "2023-10-27")]),
        .init(dates: p("2024-01-03", "2024-03-27"), halfTerms: [p("2024-02-12", "2024-02-16")]),
        .init(dates: p("2024-04-15", "2024-07-23"), halfTerms: [p("2024-05-27", "2024-05-31")]),
    ]
    static let wakefieldInset = [d("2023-01-04")]

    static let rules = DesignRules(
        routes: [
            .init(code: "LDS-A", start: d("2022-09-05"), terms: leedsTerms, inset: leedsInset,
                  costs: [.init(from: d("2022-09-01"), pence: 10_000), .init(from: d("2023-01-03"), pence: 10_600)]),
            .init(code: "LDS-B", start: d("2022-09-01"), terms: leedsTerms, inset: leedsInset, costs: [.init(from: d("2022-09-01"), pence: 6_000)]),
            .init(code: "WKF-A", start: d("2022-09-06"), terms: wakefieldTerms, inset: wakefieldInset,
                  costs: [.init(from: d("2022-09-01"), pence: 9_200)]),
        ],
        sources: [
            .init(reference: "HO-1", history: [(.pledged, d("2022-07-15")), (.confirmed, d("2022-10-03")), (.received, d("2023-01-10"))]),
            .init(reference: "LCC-1", history: [(.pledged, d("2022-11-20")), (.confirmed, d("2023-02-01"))]),
            .init(reference: "WMC-1", history: [(.pledged, d("2022-08-20"))]),
            .init(reference: "YEF-1", history: [(.prospective, d("2022-12-01")), (.pledged, d("2023-02-15")), (.confirmed, d("2023-05-10")),
                                                 (.withdrawn, d("2023-10-02"))]),
            .init(reference: "PCC-1", history: [(.confirmed, d("2023-08-15"))]),
        ],
        allocations: [
            .init(source: "HO-1", route: "LDS-A", pence: 1_000_000, period: p("2022-09-05", "2023-03-31"), agreedOn: d("2022-07-20")),
            .init(source: "HO-1", route: "LDS-B", pence: 600_000, period: p("2022-09-01", "2023-03-31"), agreedOn: d("2022-09-30")),
            .init(source: "HO-1", route: "WKF-A", pence: 800_000, period: p("2022-09-01", "2023-03-31"), agreedOn: d("2022-10-10")),
            .init(source: "LCC-1", route: "LDS-A", pence: 800_000, period: p("2023-01-01", "2023-08-31"), agreedOn: d("2022-11-25")),
            .init(source: "LCC-1", route: "LDS-B", pence: 300_000, period: p("2023-02-01", "2023-07-31"), agreedOn: d("2023-02-02")),
            .init(source: "WMC-1", route: "WKF-A", pence: 900_000, period: p("2022-09-01", "2023-07-31"), agreedOn: d("2022-08-25")),
            .init(source: "YEF-1", route: "LDS-A", pence: 700_000, period: p("2023-04-01", "2024-03-31"), agreedOn: d("2023-02-20")),
            .init(source: "YEF-1", route: "WKF-A", pence: 600_000, period: p("2023-04-01", "2024-03-31"), agreedOn: d("2023-03-01")),
            .init(source: "PCC-1", route: "LDS-A", pence: 400_000, period: p("2023-09-01", "2024-07-31"), agreedOn: d("2023-08-20")),
            .init(source: "PCC-1", route: "LDS-B", pence: 400_000, period: p("2023-09-01", "2024-07-31"), agreedOn: d("2023-08-20")),
        ])

    // MARK: The files a commissioner would upload

    static let authoritiesCSV = ["gss_code,calendar", "E08000035,", "E08000036,"]

    static var calendarsCSV: [String] {
        var lines = ["calendar,academic_year,kind,start,end,local_authorities"]
        func add(_ name: String, _ terms: [DesignRules.Term], _ inset: [Day], _ gss: String) {
            var first = true
            for term in terms {
                let year = term.dates.start.academicYear.label
                lines.append("\(name),\(year),term,\(term.dates.start.iso),\(term.dates.end.iso),\(first ? gss : "")")
                first = false
                for half in term.halfTerms { lines.append("\(name),\(year),half_term,\(half.start.iso),\(half.end.iso),") }
            }
            for day in inset { lines.append("\(name),\(day.academicYear.label),inset,\(day.iso),,") }
        }
        add("Leeds term dates", leedsTerms, leedsInset, "E08000035")
        add("Wakefield term dates", wakefieldTerms, wakefieldInset, "E08000036")
        return lines
    }

    static let routeHeader = "code,name,local_authority,status,children_per_day,start_date,path,cost_from,chaperones,minutes_per_day,hourly_rate,daily_management"
    static let routesCSV = [
        routeHeader,
        "LDS-A,Harehills to Compton Road,E08000035,active,300,2022-09-05,53.8080 -1.5170; 53.8120 -1.5120,2022-09-01,2,180,15.00,10.00",
        "LDS-B,Seacroft to Kentmere Avenue,E08000035,active,180,2022-09-01,53.8200 -1.4600; 53.8230 -1.4550,2022-09-01,1,240,15.00,",
        "WKF-A,Lupset to Horbury Road,E08000036,active,240,2022-09-06,53.6800 -1.5200; 53.6830 -1.5150,2022-09-01,3,120,14.50,5.00",
    ]
    /// The cost change, imported as a second file: a route's row adds a cost from a new day.
    static let costChangeCSV = [
        routeHeader,
        "LDS-A,Harehills to Compton Road,E08000035,active,300,2022-09-05,,2023-01-03,2,180,16.00,10.00",
    ]

    static let organisationsCSV = [
        "name,kind", "Home Office,funder", "Leeds City Council,local_authority", "City of Wakefield Council,local_authority",
        "Youth Endowment Fund,funder", "West Yorkshire Police and Crime Commissioner,police",
    ]

    static let sourcesCSV = [
        "reference,funder,programme,kind,amount,start_day,end_day,status,prospective_on,pledged_on,confirmed_on,received_on,withdrawn_on,restricted_local_authorities",
        "HO-1,Home Office,Serious Violence Fund 2022/23,centralGrant,30000,2022-09-01,2023-03-31,received,,2022-07-15,2022-10-03,2023-01-10,,",
        "LCC-1,Leeds City Council,Safer Journeys 2023,council,12000,2023-01-01,2023-08-31,,,2022-11-20,2023-02-01,,,E08000035",
        "WMC-1,City of Wakefield Council,Walking routes 2022/23,council,9000,2022-09-01,2023-07-31,pledged,,2022-08-20,,,,E08000036",
        "YEF-1,Youth Endowment Fund,Chaperone pilot,trustOrFoundation,15000,2023-04-01,2024-03-31,withdrawn,2022-12-01,2023-02-15,2023-05-10,,2023-10-02,",
        "PCC-1,West Yorkshire Police and Crime Commissioner,Safer Streets 2023/24,policeAndCrimeCommissioner,8000,2023-09-01,2024-07-31,confirmed,,,2023-08-15,,,",
    ]

    static var allocationsCSV: [String] {
        ["source_reference,route_code,amount,start_day,end_day,agreed_on"] + rules.allocations.map { a in
            "\(a.source),\(a.route),\(Money(pence: a.pence).decimalString),\(a.period.start.iso),\(a.period.end.iso),\(a.agreedOn.iso)"
        }
    }
}
