import Fluent
import Foundation
import WaymarkDomain

/// The demo's delivery story (issue: Monthly returns): the contracts before ST-WLV-2023-01 and
/// those carried on after it to `today` (`DemoWestMidlands.carriedOnContracts`), every
/// contract's monthly returns from October 2021 to the last one filed by yesterday, and the
/// payments finance made once a quarter's returns were approved. Rows go in in batches, so
/// seeding stays fast enough for every test to start from the whole demo.
struct DemoDeliveryLoader {
    let context: TenantContext
    let today: Day

    init(tenant: Tenant, db: any Database, today: Day) {
        context = .system(tenant: tenant, db: db, job: "demo@waymark")
        self.today = today
    }

    func load() async throws {
        let db = context.db
        var contracts = try await DemoContractsLoader(context: context).load(DemoWestMidlands.contracts)
        guard let awarded = try await context.query(ContractRecord.self).filter(\.$reference == DemoCommissioning.contractReference).first() else {
            throw DemoContractsLoader.StoryBroken(description: "\(DemoCommissioning.contractReference) is missing")
        }
        let awardedLines = try await context.query(PaymentLineRecord.self).filter(\.$contractID == awarded.id!).sort(\.$number).all()
        contracts.append(.init(reference: awarded.reference, contract: try awarded.contract(variations: []),
                               provider: "Lanternway Youth Trust", lines: awardedLines))
        contracts += try await DemoContractsLoader(context: context).load(DemoWestMidlands.carriedOnContracts(today: today))

        let filed = try await DemoReturnsLoader(context: context, today: today).file(contracts)
        try await filed.returns.create(inChunksOf: 500, on: db)
        try await filed.versions.create(inChunksOf: 500, on: db)
        try await filed.reviews.create(inChunksOf: 500, on: db)

        guard let finance = try await Person.query(on: db).filter(\.$email == DemoReturns.finance).first()?.id else {
            throw DemoContractsLoader.StoryBroken(description: "\(DemoReturns.finance) is missing")
        }
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        let yesterday = today.previous
        let payable = contracts.map { seeded in
            let approved = Set((filed.approved[seeded.contract.id] ?? [:]).keys)
            return seeded.lines.filter { record in record.line.map { $0.status(approvedMonths: approved) == .payable } ?? false }
        }
        // The latest payable quarter of all is left for finance to pay in the demo.
        let held = payable.joined().max { ($0.line?.period.end ?? Day(2000, 1, 1)) < ($1.line?.period.end ?? Day(2000, 1, 1)) }
        var newLines: [PaymentLineRecord] = []
        for (seeded, payable) in zip(contracts, payable) {
            let approved = filed.approved[seeded.contract.id] ?? [:]
            for record in payable where record !== held {
                guard let line = record.line, let lastApproval = line.months.compactMap({ approved[$0] }).max() else { continue }
                // Finance pays about two weeks after the quarter's last return is approved.
                let paidOn = DemoReturns.workingDays(10, after: lastApproval, deadlines)
                guard paidOn <= yesterday else { continue }
                let problems = line.problemsMarkingPaid(on: paidOn, approvedMonths: Set(approved.keys), today: yesterday)
                guard problems.isEmpty else {
                    throw DemoContractsLoader.StoryBroken(description: "\(seeded.reference) \(line.label): \(problems.map(\.message).joined(separator: "; "))")
                }
                record.paidOn = paidOn.iso
                record.paidBy = finance
                if record.id != nil { try await record.save(on: db) }
            }
            if seeded.reference != DemoCommissioning.contractReference { newLines += seeded.lines }
        }
        try await newLines.create(inChunksOf: 500, on: db)
    }
}

extension Array where Element: Model {
    /// Inserts the rows a batch at a time: one statement per batch, not per row, and batches
    /// small enough to keep under the databases' limits on bound parameters.
    func create(inChunksOf size: Int, on db: any Database) async throws {
        for start in stride(from: 0, to: count, by: size) {
            try await Array(self[start..<Swift.min(start + size, count)]).create(on: db)
        }
    }
}
