import Foundation

/// A contract of the demo story made before Waymark's commissioning pages existed, so it is
/// seeded as a record rather than through an award. Its route values and funding links are
/// worked out when seeding from the routes' costs, as the funding allocations are, so the
/// money agrees with the funding story whatever the calendars say.
struct DemoContract {
    let reference: String
    let title: String
    let provider: String  // DemoOrganisation.name
    let routes: [String]
    let start: String
    let end: String
    /// The funding sources that pay for it, as funder and programme (DemoSource).
    let funding: [DemoFunding]
    /// When the commissioner recorded it: a little before it started.
    let signed: String
}

struct DemoFunding {
    let funder: String
    let programme: String
    init(_ funder: String, _ programme: String) {
        self.funder = funder
        self.programme = programme
    }
}

// The contracts behind the funding story (WestMidlandsFunding): five pilot contracts from
// October 2021, paid by the Home Office grant and then the YEF extension, which end with that
// money on 31 October 2022; then a contract for each group of routes a council or school
// picked up, running exactly as long as that money. The ten routes nobody picked up have no
// contract after October 2022. Wolverhampton's City Centre and Blakenhall routes then pass to
// ST-WLV-2023-01 (DemoCommissioning) from September 2023.
extension DemoWestMidlands {
    static let pilotFunding = [DemoFunding("Home Office", "Step Together pilot grant"),
                               DemoFunding("Youth Endowment Fund", "Step Together extension")]

    static let contracts: [DemoContract] = [
        DemoContract(reference: "ST-BHM-2021-01", title: "Step Together pilot chaperones, Birmingham 2021 to 2022",
                     provider: "Lanternway Youth Trust", routes: ["BHM-01", "BHM-02", "BHM-03", "BHM-04", "BHM-05", "BHM-06"],
                     start: "2021-10-01", end: "2022-10-31", funding: pilotFunding, signed: "2021-09-24"),
        DemoContract(reference: "ST-WLV-2021-01", title: "Step Together pilot chaperones, Wolverhampton 2021 to 2022",
                     provider: "Lanternway Youth Trust", routes: ["WLV-01", "WLV-02", "WLV-03"],
                     start: "2021-10-01", end: "2022-10-31", funding: pilotFunding, signed: "2021-09-24"),
        DemoContract(reference: "ST-BCK-2021-01", title: "Step Together pilot chaperones, Dudley and Sandwell 2021 to 2022",
                     provider: "Black Country Kerbside CIO",
                     routes: ["DUD-01", "DUD-02", "DUD-03", "SAN-01", "SAN-02", "SAN-03"],
                     start: "2021-10-01", end: "2022-10-31", funding: pilotFunding, signed: "2021-09-27"),
        DemoContract(reference: "ST-CSL-2021-01", title: "Step Together pilot chaperones, Coventry and Solihull 2021 to 2022",
                     provider: "Three Spires Safe Steps CIC",
                     routes: ["COV-01", "COV-02", "COV-03", "COV-04", "SOL-01", "SOL-02"],
                     start: "2021-10-01", end: "2022-10-31", funding: pilotFunding, signed: "2021-09-27"),
        DemoContract(reference: "ST-WSL-2021-01", title: "Step Together pilot chaperones, Walsall 2021 to 2022",
                     provider: "Kestrel Youth Outreach", routes: ["WSL-01", "WSL-02", "WSL-03"],
                     start: "2021-10-01", end: "2022-10-31", funding: pilotFunding, signed: "2021-09-28"),

        DemoContract(reference: "ST-BHM-2022-01", title: "Step Together chaperones, Birmingham 2022 to 2024",
                     provider: "Lanternway Youth Trust", routes: ["BHM-01", "BHM-02", "BHM-03", "BHM-04"],
                     start: "2022-11-01", end: "2024-03-31", funding: [DemoFunding("Birmingham City Council", "Safer Journeys fund")], signed: "2022-10-24"),
        DemoContract(reference: "ST-BHM-2022-02", title: "Step Together chaperones, Birmingham (Ladypool Academy) 2022 to 2023",
                     provider: "Lanternway Youth Trust", routes: ["BHM-05"],
                     start: "2022-11-01", end: "2023-07-21", funding: [DemoFunding("Ladypool Academy", "school contribution")], signed: "2022-10-27"),
        DemoContract(reference: "ST-SOL-2022-01", title: "Step Together chaperones, Solihull 2022 to 2023",
                     provider: "Three Spires Safe Steps CIC", routes: ["SOL-01", "SOL-02"],
                     start: "2022-11-01", end: "2023-07-21", funding: [DemoFunding("Solihull Metropolitan Borough Council", "Community safety grant")], signed: "2022-10-14"),
        DemoContract(reference: "ST-SAN-2022-01", title: "Step Together chaperones, Sandwell 2022 to 2024",
                     provider: "Black Country Kerbside CIO", routes: ["SAN-01", "SAN-02"],
                     start: "2022-11-01", end: "2024-03-31", funding: [DemoFunding("Sandwell Metropolitan Borough Council", "Youth violence prevention")], signed: "2022-10-28"),
        DemoContract(reference: "ST-WLV-2022-01", title: "Step Together chaperones, Wolverhampton 2022 to 2023",
                     provider: "Lanternway Youth Trust", routes: ["WLV-01", "WLV-02"],
                     start: "2022-11-01", end: "2023-07-21", funding: [DemoFunding("City of Wolverhampton Council", "Safer Wolverhampton")], signed: "2022-10-21"),
        DemoContract(reference: "ST-WLV-2022-02", title: "Step Together chaperones, Wolverhampton (Blakenhall Community Academy) 2022 to 2023",
                     provider: "Lanternway Youth Trust", routes: ["WLV-03"],
                     start: "2022-11-01", end: "2023-03-31", funding: [DemoFunding("Blakenhall Community Academy", "school contribution")], signed: "2022-10-24"),
        DemoContract(reference: "ST-COV-2022-01", title: "Step Together chaperones, Coventry 2022 to 2023",
                     provider: "Three Spires Safe Steps CIC", routes: ["COV-01", "COV-02"],
                     start: "2022-11-01", end: "2023-03-31", funding: [DemoFunding("Coventry City Council", "Coventry Youth Partnership")], signed: "2022-10-19"),
    ]

    /// Who files each provider's returns (a WestMidlandsPeople provider).
    static let returnFilers: [String: [String]] = [
        "Lanternway Youth Trust": ["chloe.adebayo@lanternway.example", "marcus.bennett-clarke@lanternway.example"],
        "Black Country Kerbside CIO": ["liam.oconnor@bckerbside.example"],
        "Three Spires Safe Steps CIC": ["anjali.mistry@threespiressafesteps.example"],
        "Kestrel Youth Outreach": ["dwayne.campbell@kestrelyouth.example", "marcus.bennett-clarke@lanternway.example"],
    ]
}
