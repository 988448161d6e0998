import Foundation

// Northmoor and Brackenfold are fictional. Their coordinates sit on open Pennine moorland so that
// no real street or school is implied; street and school names are invented.
extension DemoNorthmoor {
    static let calendar = DemoCalendar(
        key: "northmoor",
        name: "Northmoor and Brackenfold term dates",
        years: [
            DemoTermYear(  // 188 pupil days
                label: "2023/24",
                terms: [("2023-09-04", "2023-12-20"), ("2024-01-04", "2024-03-28"), ("2024-04-15", "2024-07-19")],
                halfTerms: [("2023-10-23", "2023-10-27"), ("2024-02-19", "2024-02-23"), ("2024-05-27", "2024-05-31")],
                insetDays: ["2023-09-04", "2023-09-05", "2023-11-24", "2024-01-04", "2024-06-03"]
            ),
            DemoTermYear(  // 191 pupil days
                label: "2024/25",
                terms: [("2024-09-02", "2024-12-20"), ("2025-01-06", "2025-04-11"), ("2025-04-28", "2025-07-22")],
                halfTerms: [("2024-10-21", "2024-10-25"), ("2025-02-17", "2025-02-21"), ("2025-05-26", "2025-05-30")],
                insetDays: ["2024-09-02", "2024-09-03", "2024-11-29", "2025-01-06", "2025-06-02"]
            ),
            DemoTermYear(  // 189 pupil days
                label: "2025/26",
                terms: [("2025-09-03", "2025-12-19"), ("2026-01-05", "2026-03-27"), ("2026-04-13", "2026-07-21")],
                halfTerms: [("2025-10-27", "2025-10-31"), ("2026-02-16", "2026-02-20"), ("2026-05-25", "2026-05-29")],
                insetDays: ["2025-09-03", "2025-09-04", "2025-11-28", "2026-01-05", "2026-06-01"]
            ),
        ]
    )

    static let schools: [DemoSchool] = [
        DemoSchool(name: "Northmoor Market Street Academy", urn: "156244", localAuthority: "Northmoor",
                   area: "Northmoor Town Centre", latitude: 53.65520, longitude: -2.02840, phase: "secondary"),  // NMR-01
        DemoSchool(name: "Kiln Brow Primary School", urn: "109142", localAuthority: "Northmoor",
                   area: "Kiln Brow", latitude: 53.66040, longitude: -2.01820, phase: "primary"),  // NMR-02
        DemoSchool(name: "Brackenfold Academy", urn: "131054", localAuthority: "Brackenfold",
                   area: "Brackenfold Estate", latitude: 53.64780, longitude: -2.04210, phase: "secondary"),  // BKF-01
        DemoSchool(name: "Whinstone Lane Primary School", urn: "109664", localAuthority: "Brackenfold",
                   area: "Brackenfold Estate", latitude: 53.64669, longitude: -2.04276, phase: "primary"),  // BKF-01
    ]

    static let routes: [DemoRoute] = [
        DemoRoute(
            code: "NMR-01",
            name: "Northmoor Town Centre: Mill Fold to Market Street",
            localAuthority: "Northmoor",
            area: "Northmoor Town Centre",
            schoolURNs: ["156244"],
            path: [  // 1.40 km, residential end first, school last
                DemoPoint(latitude: 53.64588, longitude: -2.03748),
                DemoPoint(latitude: 53.64569, longitude: -2.03628),
                DemoPoint(latitude: 53.64824, longitude: -2.03457),
                DemoPoint(latitude: 53.64991, longitude: -2.03385),
                DemoPoint(latitude: 53.65228, longitude: -2.03240),
                DemoPoint(latitude: 53.65199, longitude: -2.03117),
                DemoPoint(latitude: 53.65337, longitude: -2.03055),
                DemoPoint(latitude: 53.65398, longitude: -2.02986),
                DemoPoint(latitude: 53.65539, longitude: -2.02907),
                DemoPoint(latitude: 53.65520, longitude: -2.02840),
            ],
            chaperonePoints: [
                DemoChaperonePoint(label: "Corner of Mill Fold and Weavers Row",
                                   latitude: 53.64569, longitude: -2.03628),
                DemoChaperonePoint(label: "Corner of Chapel Street and Bridge Street",
                                   latitude: 53.65199, longitude: -2.03117),
                DemoChaperonePoint(label: "Corner of Bridge Street and Market Street",
                                   latitude: 53.65539, longitude: -2.02907),
            ],
            childrenPerDay: 720,
            status: "active",
            startDate: "2023-09-06",
            endDate: nil,
            chaperones: 3,
            hoursPerDayMinutes: 240,
            hourlyRatePence: 1500,
            dailyManagementPence: 4200  // £222.00 a day
        ),
        DemoRoute(
            code: "NMR-02",
            name: "Kiln Brow: Tenter Lane to Moor Road",
            localAuthority: "Northmoor",
            area: "Kiln Brow",
            schoolURNs: ["109142"],
            path: [  // 1.20 km, residential end first, school last
                DemoPoint(latitude: 53.65970, longitude: -2.00475),
                DemoPoint(latitude: 53.66070, longitude: -2.00683),
                DemoPoint(latitude: 53.66127, longitude: -2.00817),
                DemoPoint(latitude: 53.66217, longitude: -2.01071),
                DemoPoint(latitude: 53.66149, longitude: -2.01181),
                DemoPoint(latitude: 53.66090, longitude: -2.01255),
                DemoPoint(latitude: 53.66174, longitude: -2.01430),
                DemoPoint(latitude: 53.66230, longitude: -2.01596),
                DemoPoint(latitude: 53.66138, longitude: -2.01687),
                DemoPoint(latitude: 53.66040, longitude: -2.01820),
            ],
            chaperonePoints: [
                DemoChaperonePoint(label: "Corner of Tenter Lane and Kiln Brow",
                                   latitude: 53.66217, longitude: -2.01071),
                DemoChaperonePoint(label: "Corner of Dyehouse Street and Moor Road",
                                   latitude: 53.66230, longitude: -2.01596),
            ],
            childrenPerDay: 340,
            status: "active",
            startDate: "2023-09-06",
            endDate: nil,
            chaperones: 2,
            hoursPerDayMinutes: 240,
            hourlyRatePence: 1500,
            dailyManagementPence: 6000  // £180.00 a day
        ),
        DemoRoute(
            code: "BKF-01",
            name: "Brackenfold Estate: Heather Close to Fell Road",
            localAuthority: "Brackenfold",
            area: "Brackenfold Estate",
            schoolURNs: ["131054", "109664"],
            path: [  // 1.60 km, residential end first, school last
                DemoPoint(latitude: 53.65946, longitude: -2.03494),
                DemoPoint(latitude: 53.65950, longitude: -2.03608),
                DemoPoint(latitude: 53.65765, longitude: -2.03683),
                DemoPoint(latitude: 53.65489, longitude: -2.03760),
                DemoPoint(latitude: 53.65298, longitude: -2.03800),
                DemoPoint(latitude: 53.65314, longitude: -2.03969),
                DemoPoint(latitude: 53.65150, longitude: -2.04041),
                DemoPoint(latitude: 53.64976, longitude: -2.04086),
                DemoPoint(latitude: 53.64764, longitude: -2.04134),
                DemoPoint(latitude: 53.64780, longitude: -2.04210),
            ],
            chaperonePoints: [
                DemoChaperonePoint(label: "Corner of Heather Close and Gorse Avenue",
                                   latitude: 53.65950, longitude: -2.03608),
                DemoChaperonePoint(label: "Corner of Bilberry Road and Whinstone Lane",
                                   latitude: 53.65314, longitude: -2.03969),
                DemoChaperonePoint(label: "Corner of Whinstone Lane and Fell Road",
                                   latitude: 53.64764, longitude: -2.04134),
            ],
            childrenPerDay: 950,
            status: "proposed",
            startDate: "2026-01-06",
            endDate: nil,
            chaperones: 4,
            hoursPerDayMinutes: 210,
            hourlyRatePence: 1500,
            dailyManagementPence: 4500  // £255.00 a day
        ),
    ]
}
