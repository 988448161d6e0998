import Foundation

// Names and URNs are invented for the demo. Each school stands at (or beside) the end of its route.
extension DemoWestMidlands {
    static let schools: [DemoSchool] = [
        DemoSchool(name: "Kingsbury Park Academy", urn: "147881", localAuthority: "Birmingham",
                   area: "Erdington", latitude: 52.52680, longitude: -1.82960, phase: "secondary"),  // BHM-01
        DemoSchool(name: "Holly Lane Primary School", urn: "103165", localAuthority: "Birmingham",
                   area: "Erdington", latitude: 52.52588, longitude: -1.82983, phase: "primary"),  // BHM-01
        DemoSchool(name: "Villa Road Academy", urn: "153279", localAuthority: "Birmingham",
                   area: "Lozells", latitude: 52.50580, longitude: -1.90720, phase: "secondary"),  // BHM-02
        DemoSchool(name: "Heathfield Park Primary School", urn: "103904", localAuthority: "Birmingham",
                   area: "Lozells", latitude: 52.50545, longitude: -1.90910, phase: "primary"),  // BHM-02
        DemoSchool(name: "Quarterhouse Primary School", urn: "103756", localAuthority: "Birmingham",
                   area: "Jewellery Quarter", latitude: 52.49140, longitude: -1.91020, phase: "primary"),  // BHM-03
        DemoSchool(name: "Newtown Row Academy", urn: "151563", localAuthority: "Birmingham",
                   area: "Newtown", latitude: 52.49720, longitude: -1.89580, phase: "secondary"),  // BHM-04
        DemoSchool(name: "Sutton Park Community School", urn: "158887", localAuthority: "Birmingham",
                   area: "Sutton Coldfield", latitude: 52.55980, longitude: -1.82620, phase: "secondary"),  // BHM-05
        DemoSchool(name: "Trinity Hill Primary School", urn: "103824", localAuthority: "Birmingham",
                   area: "Sutton Coldfield", latitude: 52.55996, longitude: -1.82770, phase: "primary"),  // BHM-05
        DemoSchool(name: "Ladypool Academy", urn: "154167", localAuthority: "Birmingham",
                   area: "Sparkbrook", latitude: 52.46320, longitude: -1.87220, phase: "secondary"),  // BHM-06
        DemoSchool(name: "Walford Road Primary School", urn: "103805", localAuthority: "Birmingham",
                   area: "Sparkbrook", latitude: 52.46381, longitude: -1.87384, phase: "primary"),  // BHM-06
        DemoSchool(name: "Blossomfield Academy", urn: "139934", localAuthority: "Solihull",
                   area: "Tudor Grange Park", latitude: 52.41040, longitude: -1.79180, phase: "secondary"),  // SOL-01
        DemoSchool(name: "Chelmsley Wood Academy", urn: "144946", localAuthority: "Solihull",
                   area: "Chelmsley Wood", latitude: 52.48360, longitude: -1.73020, phase: "secondary"),  // SOL-02
        DemoSchool(name: "Moorend Primary School", urn: "104769", localAuthority: "Solihull",
                   area: "Chelmsley Wood", latitude: 52.48309, longitude: -1.72901, phase: "primary"),  // SOL-02
        DemoSchool(name: "Stafford Street Academy", urn: "156121", localAuthority: "Wolverhampton",
                   area: "City Centre", latitude: 52.58840, longitude: -2.12920, phase: "secondary"),  // WLV-01
        DemoSchool(name: "Blakenhall Community Academy", urn: "144747", localAuthority: "Wolverhampton",
                   area: "Blakenhall", latitude: 52.57160, longitude: -2.13280, phase: "secondary"),  // WLV-02
        DemoSchool(name: "Goldthorn Primary School", urn: "104282", localAuthority: "Wolverhampton",
                   area: "Blakenhall", latitude: 52.57131, longitude: -2.13130, phase: "primary"),  // WLV-02
        DemoSchool(name: "Heath Town Academy", urn: "149492", localAuthority: "Wolverhampton",
                   area: "Heath Town", latitude: 52.59360, longitude: -2.09860, phase: "secondary"),  // WLV-03
        DemoSchool(name: "Swanswell Academy", urn: "138484", localAuthority: "Coventry",
                   area: "Hillfields", latitude: 52.41580, longitude: -1.49960, phase: "secondary"),  // COV-01
        DemoSchool(name: "Hillfields Primary School", urn: "103823", localAuthority: "Coventry",
                   area: "Hillfields", latitude: 52.41480, longitude: -1.49998, phase: "primary"),  // COV-01
        DemoSchool(name: "Foleshill Park Academy", urn: "145318", localAuthority: "Coventry",
                   area: "Foleshill", latitude: 52.43160, longitude: -1.49620, phase: "secondary"),  // COV-02
        DemoSchool(name: "Deedmore Academy", urn: "157035", localAuthority: "Coventry",
                   area: "Wood End", latitude: 52.44210, longitude: -1.46080, phase: "secondary"),  // COV-03
        DemoSchool(name: "Henley Green Primary School", urn: "103636", localAuthority: "Coventry",
                   area: "Wood End", latitude: 52.44304, longitude: -1.46055, phase: "primary"),  // COV-03
        DemoSchool(name: "Broad Lane Academy", urn: "147275", localAuthority: "Coventry",
                   area: "Tile Hill", latitude: 52.40240, longitude: -1.58320, phase: "secondary"),  // COV-04
        DemoSchool(name: "Delph Academy", urn: "139442", localAuthority: "Dudley",
                   area: "Brierley Hill", latitude: 52.47880, longitude: -2.11680, phase: "secondary"),  // DUD-01
        DemoSchool(name: "Netherton Park Academy", urn: "153324", localAuthority: "Dudley",
                   area: "Netherton", latitude: 52.49040, longitude: -2.08620, phase: "secondary"),  // DUD-02
        DemoSchool(name: "Swan Street Primary School", urn: "103423", localAuthority: "Dudley",
                   area: "Netherton", latitude: 52.49105, longitude: -2.08793, phase: "primary"),  // DUD-02
        DemoSchool(name: "Kates Hill Academy", urn: "158014", localAuthority: "Dudley",
                   area: "Kates Hill", latitude: 52.50860, longitude: -2.07220, phase: "secondary"),  // DUD-03
        DemoSchool(name: "Cape Hill Academy", urn: "152285", localAuthority: "Sandwell",
                   area: "Smethwick", latitude: 52.49260, longitude: -1.96380, phase: "secondary"),  // SAN-01
        DemoSchool(name: "Rolfe Street Primary School", urn: "103360", localAuthority: "Sandwell",
                   area: "Smethwick", latitude: 52.49317, longitude: -1.96530, phase: "primary"),  // SAN-01
        DemoSchool(name: "Dartmouth Park Academy", urn: "149949", localAuthority: "Sandwell",
                   area: "West Bromwich", latitude: 52.52310, longitude: -1.99780, phase: "secondary"),  // SAN-02
        DemoSchool(name: "Owen Street Academy", urn: "144915", localAuthority: "Sandwell",
                   area: "Tipton", latitude: 52.53010, longitude: -2.06120, phase: "secondary"),  // SAN-03
        DemoSchool(name: "Horseley Road Primary School", urn: "103991", localAuthority: "Sandwell",
                   area: "Tipton", latitude: 52.53091, longitude: -2.06081, phase: "primary"),  // SAN-03
        DemoSchool(name: "Blakenall Heath Academy", urn: "155767", localAuthority: "Walsall",
                   area: "Blakenall", latitude: 52.60210, longitude: -1.98620, phase: "secondary"),  // WSL-01
        DemoSchool(name: "Coalpool Primary School", urn: "104294", localAuthority: "Walsall",
                   area: "Blakenall", latitude: 52.60312, longitude: -1.98565, phase: "primary"),  // WSL-01
        DemoSchool(name: "Caldmore Green Academy", urn: "148794", localAuthority: "Walsall",
                   area: "Caldmore", latitude: 52.57890, longitude: -1.98420, phase: "secondary"),  // WSL-02
        DemoSchool(name: "Bloxwich Park Academy", urn: "146653", localAuthority: "Walsall",
                   area: "Bloxwich", latitude: 52.61720, longitude: -2.00220, phase: "secondary"),  // WSL-03
    ]
}
