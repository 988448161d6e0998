import Foundation

// One entry per membership. Marcus Bennett-Clarke works for two providers, so he appears twice
// with one email; every other email appears once.
extension DemoWestMidlands {
    static let people: [DemoPerson] = [
        // The VRP
        DemoPerson(name: "Amara Okafor", email: "amara.okafor@wmvrp.example",
                   organisation: "West Midlands Violence Reduction Partnership", role: "commissioner"),
        DemoPerson(name: "Gareth Pryce", email: "gareth.pryce@wmvrp.example",
                   organisation: "West Midlands Violence Reduction Partnership", role: "finance"),
        DemoPerson(name: "Priya Raman", email: "priya.raman@wmvrp.example",
                   organisation: "West Midlands Violence Reduction Partnership", role: "assessor"),

        // Councils
        DemoPerson(name: "Hamza Rashid", email: "hamza.rashid@birminghamcc.example",
                   organisation: "Birmingham City Council", role: "partner"),
        DemoPerson(name: "Siobhan Gallagher", email: "siobhan.gallagher@coventrycc.example",
                   organisation: "Coventry City Council", role: "partner"),
        DemoPerson(name: "Tomasz Nowak", email: "tomasz.nowak@coventrycc.example",
                   organisation: "Coventry City Council", role: "assessor"),
        DemoPerson(name: "Daniel Whitehouse", email: "daniel.whitehouse@dudleymbc.example",
                   organisation: "Dudley Metropolitan Borough Council", role: "partner"),
        DemoPerson(name: "Gurpreet Sandhu", email: "gurpreet.sandhu@sandwellmbc.example",
                   organisation: "Sandwell Metropolitan Borough Council", role: "partner"),
        DemoPerson(name: "Eleanor Marsh", email: "eleanor.marsh@solihullmbc.example",
                   organisation: "Solihull Metropolitan Borough Council", role: "partner"),
        DemoPerson(name: "Kwame Asante", email: "kwame.asante@walsallmbc.example",
                   organisation: "Walsall Metropolitan Borough Council", role: "partner"),
        DemoPerson(name: "Harjit Bains", email: "harjit.bains@wolverhamptoncc.example",
                   organisation: "City of Wolverhampton Council", role: "partner"),

        // Schools
        DemoPerson(name: "Fiona McAllister", email: "f.mcallister@blakenhallacademy.example",
                   organisation: "Blakenhall Community Academy", role: "partner"),
        DemoPerson(name: "Imran Hussain", email: "i.hussain@ladypoolacademy.example",
                   organisation: "Ladypool Academy", role: "partner"),

        // Police and funders
        DemoPerson(name: "Rebecca Lloyd", email: "rebecca.lloyd@wmpolice.example",
                   organisation: "West Midlands Police", role: "partner"),
        DemoPerson(name: "Catherine Hughes", email: "catherine.hughes@homeoffice.example",
                   organisation: "Home Office", role: "partner"),
        DemoPerson(name: "Oluwaseun Adeyemi", email: "oluwaseun.adeyemi@yef.example",
                   organisation: "Youth Endowment Fund", role: "partner"),
        DemoPerson(name: "Mark Fenwick", email: "mark.fenwick@wmopcc.example",
                   organisation: "Office of the West Midlands Police and Crime Commissioner", role: "finance"),

        // Providers
        DemoPerson(name: "Chloe Adebayo", email: "chloe.adebayo@lanternway.example",
                   organisation: "Lanternway Youth Trust", role: "provider"),
        DemoPerson(name: "Marcus Bennett-Clarke", email: "marcus.bennett-clarke@lanternway.example",
                   organisation: "Lanternway Youth Trust", role: "provider"),
        DemoPerson(name: "Marcus Bennett-Clarke", email: "marcus.bennett-clarke@lanternway.example",
                   organisation: "Kestrel Youth Outreach", role: "provider"),
        DemoPerson(name: "Liam O'Connor", email: "liam.oconnor@bckerbside.example",
                   organisation: "Black Country Kerbside CIO", role: "provider"),
        DemoPerson(name: "Anjali Mistry", email: "anjali.mistry@threespiressafesteps.example",
                   organisation: "Three Spires Safe Steps CIC", role: "provider"),
        DemoPerson(name: "Dwayne Campbell", email: "dwayne.campbell@kestrelyouth.example",
                   organisation: "Kestrel Youth Outreach", role: "provider"),

        // Independent evaluator
        DemoPerson(name: "Helen Zhao", email: "helen.zhao@halcyonfield.example",
                   organisation: "Halcyon Field Evaluation Ltd", role: "viewer"),
    ]
}
