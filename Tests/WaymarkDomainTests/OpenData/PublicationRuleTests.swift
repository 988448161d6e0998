import Foundation
import Testing
@testable import WaymarkDomain

/// What the public may read, as a table written out by hand: each row's facts, and whether the
/// public site shows it on 1 June 2023.
@Suite struct PublicationRuleTests {
    static let day = Day(iso: "2023-06-01")!
    static let before = Day(iso: "2023-05-31")!, after = Day(iso: "2023-06-02")!
    static let threshold = Money(pence: 50_000)

    static let table: [(String, PublicRow, Bool)] = [
        ("a published contract in force", .contract(.shown, effective: before), true),
        ("a published contract signed that day", .contract(.shown, effective: day), true),
        ("a published contract signed later", .contract(.shown, effective: after), false),
        ("a withheld contract", .contract(.withheld, effective: before), false),
        ("a published running route", .route(.shown, runs: true), true),
        ("a published route not running", .route(.shown, runs: false), false),
        ("a withheld running route", .route(.withheld, runs: true), false),
        ("a closed route a published contract served", .routeOnContract(.shown), true),
        ("a withheld route a published contract serves", .routeOnContract(.withheld), false),
        ("a path not chosen for publishing", .routePath(.shown, runs: true, pathPublished: false), false),
        ("a published path of a running route", .routePath(.shown, runs: true, pathPublished: true), true),
        ("a published path of a withheld route", .routePath(.withheld, runs: true, pathPublished: true), false),
        ("a payment at the threshold", .payment(contract: .shown, contractEffective: before, paidOn: before, amount: threshold, threshold: threshold), true),
        ("a payment a penny under", .payment(contract: .shown, contractEffective: before, paidOn: before, amount: Money(pence: 49_999), threshold: threshold), false),
        ("a payment not yet made", .payment(contract: .shown, contractEffective: before, paidOn: nil, amount: threshold, threshold: threshold), false),
        ("a payment made after the day", .payment(contract: .shown, contractEffective: before, paidOn: after, amount: threshold, threshold: threshold), false),
        ("a payment on a withheld contract", .payment(contract: .withheld, contractEffective: before, paidOn: before, amount: threshold, threshold: threshold), false),
        ("a grant agreement", .grant(.shown, effective: before, letting: .grantAgreement, publishedAsGrant: false), true),
        ("a direct award", .grant(.shown, effective: before, letting: .directAward, publishedAsGrant: false), false),
        ("a direct award published as a grant", .grant(.shown, effective: before, letting: .directAward, publishedAsGrant: true), true),
        ("a withheld grant agreement", .grant(.withheld, effective: before, letting: .grantAgreement, publishedAsGrant: true), false),
        ("a grant agreement signed later", .grant(.shown, effective: after, letting: .grantAgreement, publishedAsGrant: false), false),
        ("a published specification", .specification(published: true, .shown), true),
        ("a published specification withheld", .specification(published: true, .withheld), false),
        ("a draft specification", .specification(published: false, .shown), false),
    ]

    @Test(arguments: table.indices)
    func eachRow(_ index: Int) {
        let (name, row, expected) = Self.table[index]
        #expect(PublicationRule.allows(row, asOf: Self.day) == expected, "\(name)")
    }
}

@Suite struct OpenDataMoneyTests {
    @Test func financialQuartersRunFromApril() {
        #expect(FinancialQuarter(containing: Day(iso: "2023-04-01")!).label == "2023-24 Q1 (April to June 2023)")
        #expect(FinancialQuarter(containing: Day(iso: "2023-12-31")!).label == "2023-24 Q3 (October to December 2023)")
        #expect(FinancialQuarter(containing: Day(iso: "2024-03-31")!).label == "2023-24 Q4 (January to March 2024)")
        #expect(FinancialQuarter(containing: Day(iso: "2099-02-01")!).label == "2098-99 Q4 (January to March 2099)")
        #expect(FinancialQuarter(containing: Day(iso: "2024-03-31")!) < FinancialQuarter(containing: Day(iso: "2024-04-01")!))
    }

    /// Property: however a payment is shared among routes, the shares add up to it exactly and
    /// none is negative; a key with no value gets nothing.
    @Test func sharesAddUpToThePayment() {
        var random = SeededRandom(seed: 18)
        for _ in 0..<2_000 {
            let amount = Money(pence: Int64(random.next() % 10_000_000))
            let count = Int(random.next() % 6) + 1
            let values = (0..<count).map { (key: "LA\($0 % 3)", value: Money(pence: Int64(random.next() % 5_000_000))) }
            let shares = PublicSpending.shares(of: amount, by: values)
            if values.allSatisfy({ $0.value.isZero }) {
                #expect(shares.isEmpty)
            } else {
                #expect(shares.values.reduce(Money.zero, +) == amount)
                #expect(shares.values.allSatisfy { !$0.isNegative })
                for key in Set(values.map(\.key)) where values.filter({ $0.key == key }).allSatisfy({ $0.value.isZero }) {
                    #expect((shares[key] ?? .zero).isZero)
                }
            }
        }
    }
}
