import Foundation

/// A contracting process as OCDS releases: one for each time it changed (tender, cancellation,
/// award, contract, each amendment, each payment), each carrying the process as it stood then,
/// with an id made from what it records so it never changes once published. The record's
/// compiled release is the last state.
public enum OCDSReleases {
    /// Everything a package needs besides the processes.
    public struct Source: Sendable {
        public let prefix: String
        public let publisherName: String
        public let publisherOrgID: String?
        public let releasesURL: String
        public let recordsURL: String
        public let license: String
        public let policyURL: String

        public init(prefix: String, publisherName: String, publisherOrgID: String?, releasesURL: String, recordsURL: String,
                    license: String, policyURL: String) {
            self.prefix = prefix
            self.publisherName = publisherName
            self.publisherOrgID = publisherOrgID
            self.releasesURL = releasesURL
            self.recordsURL = recordsURL
            self.license = license
            self.policyURL = policyURL
        }
    }

    public static func ocid(prefix: String, key: String) -> String { "\(prefix)-\(key)" }

    /// The releases of `process`, oldest first.
    public static func releases(_ process: ContractingProcess, prefix: String) -> [OCDSRelease] {
        let ocid = ocid(prefix: prefix, key: process.key)
        let buyer = OCDSRelease.Reference(id: process.buyer.id, name: process.buyer.name)
        var state = OCDSRelease(ocid: ocid, id: "", date: "", tag: [], parties: [party(process.buyer, ["buyer", "procuringEntity", "payer"])],
                                buyer: buyer, tender: nil, awards: nil, contracts: nil)
        for funder in process.funders where funder.id != process.buyer.id { add(funder, role: "funder", to: &state) }
        var releases: [OCDSRelease] = []
        var latest = Date.distantPast
        func emit(_ suffix: String, _ tag: String, at date: Date) {
            var release = state
            release.id = "\(ocid)-\(suffix)"
            release.tag = [tag]
            // Never earlier than the release before: the standard's dates run forward.
            latest = max(date, latest)
            release.date = timestamp(latest)
            releases.append(release)
        }
        let contractItems = process.contract?.items ?? []
        if let tender = process.tender {
            state.tender = OCDSRelease.Tender(
                id: "\(ocid)-tender", title: tender.title, description: tender.description, status: "active", procuringEntity: buyer,
                items: (tender.items.isEmpty ? contractItems : tender.items).map(item), value: .init(tender.value),
                procurementMethod: tender.method, procurementMethodDetails: tender.methodDetails,
                awardCriteria: tender.criteria == nil ? nil : "ratedCriteria", awardCriteriaDetails: tender.criteria,
                tenderPeriod: tender.published.flatMap { start in tender.closes.map { .init(startDate: timestamp(start), endDate: timestamp($0)) } },
                tenderers: nil)
            if let published = tender.published { emit("tender", "tender", at: published) }
            if let cancelled = tender.cancelled {
                state.tender?.status = "cancelled"
                emit("tender-cancelled", "tenderCancellation", at: cancelled)
            }
        }
        guard let award = process.award else { return releases }
        add(award.supplier, role: "supplier", to: &state)
        add(award.supplier, role: "tenderer", to: &state)
        add(award.supplier, role: "payee", to: &state)
        let supplier = OCDSRelease.Reference(id: award.supplier.id, name: award.supplier.name)
        state.tender?.status = "complete"
        state.tender?.tenderers = [supplier]
        let awardID = "\(ocid)-award"
        state.awards = [.init(id: awardID, title: process.tender?.title ?? process.contract?.title ?? "", status: "active",
                              date: timestamp(award.date), value: .init(award.value), suppliers: [supplier])]
        emit("award", "award", at: award.date)

        guard let contract = process.contract else { return releases }
        var made = OCDSRelease.Contract(
            id: "\(ocid)-contract", awardID: awardID, title: contract.title, status: "active",
            period: period(contract.period), value: .init(contract.value),
            dateSigned: dayStamp(contract.signed), items: contract.items.map(item), amendments: nil, implementation: nil)
        state.contracts = [made]
        emit("contract", "contract", at: max(contract.recorded, award.date))
        // Amendments and payments in the order they happened; a payment on the day of an
        // amendment comes after it.
        enum Step { case amendment(ContractingProcess.Amendment), payment(ContractingProcess.Payment) }
        let steps: [(Date, Int, Step)] = contract.amendments.map { ($0.date, 0, .amendment($0)) }
            + contract.payments.map { (noon($0.paidOn), 1, .payment($0)) }
        for (date, _, step) in steps.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            switch step {
            case .amendment(let amendment):
                made.value = .init(amendment.value)
                made.period = period(amendment.period)
                made.amendments = (made.amendments ?? []) + [.init(id: "\(ocid)-amendment-\(amendment.number)", date: timestamp(amendment.date),
                                                                   description: amendment.description)]
                state.contracts = [made]
                emit("amendment-\(amendment.number)", "contractAmendment", at: date)
            case .payment(let payment):
                let transaction = OCDSRelease.Transaction(id: "\(ocid)-payment-\(payment.number)", date: dayStamp(payment.paidOn),
                                                          value: .init(payment.amount), payer: buyer, payee: supplier)
                made.implementation = .init(transactions: (made.implementation?.transactions ?? []) + [transaction])
                state.contracts = [made]
                emit("payment-\(payment.number)", "implementation", at: date)
            }
        }
        if contract.terminated {
            made.status = "terminated"
            state.contracts = [made]
        }
        return releases
    }

    /// The process as it stands after its last release, tagged "compiled".
    public static func compiled(_ releases: [OCDSRelease], terminated: Bool) -> OCDSRelease? {
        guard var last = releases.last else { return nil }
        last.id = "\(last.ocid)-compiled"
        last.tag = ["compiled"]
        if terminated, var contract = last.contracts?.first { contract.status = "terminated"; last.contracts = [contract] }
        return last
    }

    public static func releasePackage(_ processes: [ContractingProcess], source: Source, published: Date) -> OCDSReleasePackage {
        OCDSReleasePackage(uri: source.releasesURL, publishedDate: timestamp(published), publisher: publisher(source),
                           license: source.license, publicationPolicy: source.policyURL,
                           releases: processes.flatMap { releases($0, prefix: source.prefix) })
    }

    public static func recordPackage(_ processes: [ContractingProcess], source: Source, published: Date) -> OCDSRecordPackage {
        let records = processes.compactMap { process -> OCDSRecordPackage.Record? in
            let made = releases(process, prefix: source.prefix)
            guard let compiled = compiled(made, terminated: process.contract?.terminated ?? false) else { return nil }
            return .init(ocid: compiled.ocid, releases: made, compiledRelease: compiled)
        }
        return OCDSRecordPackage(uri: source.recordsURL, publishedDate: timestamp(published), publisher: publisher(source),
                                 license: source.license, publicationPolicy: source.policyURL, packages: [source.releasesURL],
                                 records: records)
    }

    // MARK: - Parts

    static func publisher(_ source: Source) -> OCDSReleasePackage.Publisher {
        let parts = source.publisherOrgID.map { $0.split(separator: "-", maxSplits: 2).map(String.init) }
        return .init(name: source.publisherName, scheme: parts.flatMap { $0.count == 3 ? "\($0[0])-\($0[1])" : nil },
                     uid: parts.flatMap { $0.count == 3 ? $0[2] : nil })
    }

    static func party(_ party: ContractingProcess.Party, _ roles: [String]) -> OCDSRelease.Party {
        let identifier = party.scheme.flatMap { scheme in party.number.map { OCDSRelease.Identifier(scheme: scheme, id: $0, legalName: party.name) } }
        return .init(id: party.id, name: party.name, identifier: identifier, roles: roles)
    }

    static func add(_ organisation: ContractingProcess.Party, role: String, to release: inout OCDSRelease) {
        if let index = release.parties.firstIndex(where: { $0.id == organisation.id }) {
            if !release.parties[index].roles.contains(role) { release.parties[index].roles.append(role) }
        } else {
            release.parties.append(party(organisation, [role]))
        }
    }

    static func item(_ item: ContractingProcess.Item) -> OCDSRelease.Item {
        .init(id: item.id, description: item.description, quantity: item.children, unit: .init(name: "children walked each school day"))
    }

    static func period(_ range: DayRange) -> OCDSRelease.Period { .init(startDate: dayStamp(range.start), endDate: dayStamp(range.end)) }

    /// A day as the standard's date-time: midnight UTC.
    static func dayStamp(_ day: Day) -> String { "\(day.iso)T00:00:00Z" }

    /// A payment's moment: noon UTC on its day.
    static func noon(_ day: Day) -> Date { Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200) }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
