// The demo's funding story (issue: Route funding). All 24 routes run from October 2021 on
// central money — a Home Office grant, then a Youth Endowment Fund extension, about £1.2m —
// which ends on 31 October 2022. Councils and schools pick up 14 routes from 1 November 2022,
// with money of different lengths (Coventry's and Blakenhall's end on 31 March 2023); the
// other 10 routes are lost. Sandwell pledges in August and confirms only on 10 November, so
// for a few days its routes run on pledged money alone; Wolverhampton pledges the 2023/24
// school year for its two city-centre routes (the £91,260 specification).
//
// Viewed as of 1 Sep 2022 the dashboard names the ending central grant and the routes it
// leaves at risk; as of 15 Nov 2022, 14 routes are funded and 10 are unfunded.
extension DemoWestMidlands {
    static let allRoutes = ["BHM-01", "BHM-02", "BHM-03", "BHM-04", "BHM-05", "BHM-06", "COV-01", "COV-02", "COV-03", "COV-04",
                            "DUD-01", "DUD-02", "DUD-03", "SAN-01", "SAN-02", "SAN-03", "SOL-01", "SOL-02",
                            "WLV-01", "WLV-02", "WLV-03", "WSL-01", "WSL-02", "WSL-03"]

    static let funding: [DemoSource] = [
        DemoSource(funder: "Home Office", programme: "Step Together pilot grant", kind: "centralGrant", amountPence: nil,
                   start: "2021-10-01", end: "2022-03-31",
                   history: [.init(status: "confirmed", on: "2021-09-20"), .init(status: "received", on: "2022-04-14")],
                   reference: "HO-VRU-2021-114", routes: allRoutes),
        DemoSource(funder: "Youth Endowment Fund", programme: "Step Together extension", kind: "trustOrFoundation",
                   amountPence: nil, start: "2022-04-01", end: "2022-10-31",
                   history: [.init(status: "confirmed", on: "2022-03-10")], reference: "YEF-ST-22-031", routes: allRoutes),
        DemoSource(funder: "Birmingham City Council", programme: "Safer Journeys fund", kind: "council", amountPence: nil,
                   start: "2022-11-01", end: "2024-03-31",
                   history: [.init(status: "pledged", on: "2022-07-15"), .init(status: "confirmed", on: "2022-10-20")],
                   renewable: true, reference: "BCC-SJ-0412", routes: ["BHM-01", "BHM-02", "BHM-03", "BHM-04"]),
        DemoSource(funder: "Ladypool Academy", programme: "school contribution", kind: "school", amountPence: nil,
                   start: "2022-11-01", end: "2023-07-21",
                   history: [.init(status: "pledged", on: "2022-09-05"), .init(status: "confirmed", on: "2022-10-25")],
                   routes: ["BHM-05"]),
        DemoSource(funder: "Solihull Metropolitan Borough Council", programme: "Community safety grant", kind: "council",
                   amountPence: nil, start: "2022-11-01", end: "2023-07-21",
                   history: [.init(status: "confirmed", on: "2022-10-03")], routes: ["SOL-01", "SOL-02"]),
        DemoSource(funder: "Sandwell Metropolitan Borough Council", programme: "Youth violence prevention", kind: "council",
                   amountPence: nil, start: "2022-11-01", end: "2024-03-31",
                   history: [.init(status: "pledged", on: "2022-08-01"), .init(status: "confirmed", on: "2022-11-10")],
                   routes: ["SAN-01", "SAN-02"]),
        DemoSource(funder: "City of Wolverhampton Council", programme: "Safer Wolverhampton", kind: "council", amountPence: nil,
                   start: "2022-11-01", end: "2023-07-21",
                   history: [.init(status: "confirmed", on: "2022-10-14")], routes: ["WLV-01", "WLV-02"]),
        DemoSource(funder: "Blakenhall Community Academy", programme: "school contribution", kind: "school", amountPence: nil,
                   start: "2022-11-01", end: "2023-03-31",
                   history: [.init(status: "confirmed", on: "2022-10-18")], routes: ["WLV-03"]),
        DemoSource(funder: "Coventry City Council", programme: "Coventry Youth Partnership", kind: "council", amountPence: nil,
                   start: "2022-11-01", end: "2023-03-31",
                   history: [.init(status: "confirmed", on: "2022-10-12")], routes: ["COV-01", "COV-02"]),
        // The council pledged the specification's whole budget, not just the routes' costed
        // need, so the contract let from it (£89,400) fits inside it.
        DemoSource(funder: "City of Wolverhampton Council", programme: "Step Together 2023/24", kind: "council", amountPence: 9_126_000,
                   start: "2023-09-01", end: "2024-07-31",
                   history: [.init(status: "pledged", on: "2023-05-10")], routes: ["WLV-01", "WLV-02"]),
    ]
}
