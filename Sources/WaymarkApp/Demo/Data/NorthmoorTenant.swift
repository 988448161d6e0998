import Foundation

// A small, wholly fictional unit. GSS-like codes use the unallocated E0899… range; email domains
// are distinct from West Midlands' so tenant isolation is easy to see in the demo.
extension DemoNorthmoor {
    static let localAuthorities: [DemoLocalAuthority] = [
        DemoLocalAuthority(name: "Northmoor", gssCode: "E08990001", calendarKey: "northmoor"),
        DemoLocalAuthority(name: "Brackenfold", gssCode: "E08990002", calendarKey: "northmoor"),
    ]

    static let organisations: [DemoOrganisation] = [
        DemoOrganisation(name: "Northmoor Violence Reduction Unit", kind: "commissioner", gssCode: nil,
                         charityNumber: nil, companyNumber: nil, urn: nil, localAuthority: nil),
        DemoOrganisation(name: "Northmoor Borough Council", kind: "local_authority", gssCode: "E08990001",
                         charityNumber: nil, companyNumber: nil, urn: nil, localAuthority: "Northmoor"),
        DemoOrganisation(name: "Brackenfold Borough Council", kind: "local_authority", gssCode: "E08990002",
                         charityNumber: nil, companyNumber: nil, urn: nil, localAuthority: "Brackenfold"),
        DemoOrganisation(name: "Brackenfold Academy", kind: "school", gssCode: nil,
                         charityNumber: nil, companyNumber: nil, urn: "131054", localAuthority: "Brackenfold"),
        DemoOrganisation(name: "Moorside Youth Project CIO", kind: "provider", gssCode: nil,
                         charityNumber: "1201846", companyNumber: nil, urn: nil, localAuthority: nil),
        DemoOrganisation(name: "Moorview Research Ltd", kind: "other", gssCode: nil,
                         charityNumber: nil, companyNumber: "14392057", urn: nil, localAuthority: nil),
    ]

    static let people: [DemoPerson] = [
        DemoPerson(name: "Bethany Ashworth", email: "bethany.ashworth@northmoorvru.example",
                   organisation: "Northmoor Violence Reduction Unit", role: "commissioner"),
        DemoPerson(name: "Faisal Qureshi", email: "faisal.qureshi@northmoorbc.example",
                   organisation: "Northmoor Borough Council", role: "partner"),
        DemoPerson(name: "Declan Murphy", email: "declan.murphy@brackenfoldbc.example",
                   organisation: "Brackenfold Borough Council", role: "partner"),
        DemoPerson(name: "Callum Ridge", email: "callum.ridge@moorsideyouth.example",
                   organisation: "Moorside Youth Project CIO", role: "provider"),
        DemoPerson(name: "Ngozi Eze", email: "ngozi.eze@moorviewresearch.example",
                   organisation: "Moorview Research Ltd", role: "viewer"),
    ]
}
