/// The whole-number figures a provider reports for a route each month. One enum for all of
/// them, so that "never negative", the upload's columns, the form's fields, the changes
/// between versions and the dashboards' sums each follow one list instead of twenty fields.
///
/// The raw value is the column heading of the CSV and Excel template and the API's key.
public enum ReturnCount: String, CaseIterable, Codable, Hashable, Sendable {
    case sessionsDelivered = "sessions_delivered"
    case youngPeopleEngaged = "young_people_engaged"
    case incidentsViolence = "incidents_violence"
    case incidentsBullying = "incidents_bullying"
    case incidentsAntiSocialBehaviour = "incidents_anti_social_behaviour"
    case incidentsWeapons = "incidents_weapons"
    case incidentsOther = "incidents_other"
    case incidentsDeEscalated = "incidents_de_escalated"
    case safeguardingConcerns = "safeguarding_concerns"
    case referralsMentalHealth = "referrals_mental_health"
    case referralsFoodAndClothing = "referrals_food_and_clothing"
    case referralsDiversionaryActivity = "referrals_diversionary_activity"
    case referralsMentoring = "referrals_mentoring"
    case referralsOther = "referrals_other"
    case policeContacts = "police_contacts"
    case schoolContacts = "school_contacts"
    case staffOnRoute = "staff_on_route"
    case staffChecksInDate = "staff_checks_in_date"

    /// Incidents seen, by type; de-escalated is a part of their total, not a type.
    public static let incidents: [ReturnCount] = [
        .incidentsViolence, .incidentsBullying, .incidentsAntiSocialBehaviour, .incidentsWeapons, .incidentsOther,
    ]

    /// Referrals made, by kind.
    public static let referrals: [ReturnCount] = [
        .referralsMentalHealth, .referralsFoodAndClothing, .referralsDiversionaryActivity, .referralsMentoring,
        .referralsOther,
    ]

    /// The largest figure accepted for any count: far above any real month on one route, low
    /// enough that a pasted phone number or a typo of extra digits is caught.
    public static let ceiling = 100_000

    /// How the form and the error messages name it.
    public var label: String {
        switch self {
        case .sessionsDelivered: "Sessions delivered"
        case .youngPeopleEngaged: "Young people engaged"
        case .incidentsViolence: "Incidents: violence"
        case .incidentsBullying: "Incidents: bullying"
        case .incidentsAntiSocialBehaviour: "Incidents: anti-social behaviour"
        case .incidentsWeapons: "Incidents: weapons"
        case .incidentsOther: "Incidents: other"
        case .incidentsDeEscalated: "Incidents de-escalated"
        case .safeguardingConcerns: "Safeguarding concerns raised"
        case .referralsMentalHealth: "Referrals: mental health"
        case .referralsFoodAndClothing: "Referrals: food and clothing"
        case .referralsDiversionaryActivity: "Referrals: diversionary activity"
        case .referralsMentoring: "Referrals: mentoring"
        case .referralsOther: "Referrals: other"
        case .policeContacts: "Police contacts"
        case .schoolContacts: "School contacts"
        case .staffOnRoute: "Staff on the route"
        case .staffChecksInDate: "Staff with checks in date"
        }
    }
}
