import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Money")
struct MoneyTests {
    @Test("Display in the house style", arguments: [
        (Int64(9_126_000), "£91,260.00"),
        (0, "£0.00"),
        (7, "£0.07"),
        (99, "£0.99"),
        (99_999, "£999.99"),
        (100_000, "£1,000.00"),
        (10_000_000_000, "£100,000,000.00"),
        (-123_450, "-£1,234.50"),
        (-5, "-£0.05"),
        (Int64.min, "-£92,233,720,368,547,758.08"),
    ])
    func display(pence: Int64, expected: String) {
        #expect(Money(pence: pence).display == expected)
    }

    @Test("Plain decimal form for CSV and open data")
    func decimalString() {
        #expect(Money(pence: 9_126_000).decimalString == "91260.00")
        #expect(Money(pence: -123_450).decimalString == "-1234.50")
        #expect(Money(pence: 7).decimalString == "0.07")
    }

    @Test("Parses the forms people type", arguments: [
        ("91260", Int64(9_126_000)),
        ("91,260.00", 9_126_000),
        ("£91,260", 9_126_000),
        ("£91,260.5", 9_126_050),
        ("0.07", 7),
        ("0", 0),
        ("1,234,567.89", 123_456_789),
        ("  £12.30 ", 1_230),
        ("999", 99_900),
    ])
    func parses(text: String, pence: Int64) {
        #expect(Money(parsing: text) == Money(pence: pence))
    }

    @Test("Refuses anything ambiguous or malformed", arguments: [
        "", "   ", "abc", "£", "12.345", "1,2,3", "1234,567", "12,34", ",123", "123,", "0,123",
        ".5", "5.", "£-5", "5£", "1 234", "12..3", "1.2.3", "£ 5", "££5", "0x10", "1e3", "+5",
        "99999999999999999999", "92233720368547758.08",
    ])
    func refuses(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test("Negatives only when allowed")
    func negatives() {
        #expect(Money(parsing: "-£1,234.50") == nil)
        #expect(Money(parsing: "-5") == nil)
        #expect(Money(parsing: "-£1,234.50", allowNegative: true) == Money(pence: -123_450))
        #expect(Money(parsing: "\u{2212}£3", allowNegative: true) == Money(pence: -300))
        #expect(Money(parsing: "--5", allowNegative: true) == nil)
    }

    @Test("Display parses back to the same amount")
    func roundTrip() {
        var random = SeededGenerator(seed: 91_260)
        for _ in 0..<5_000 {
            let amount = Money(pence: Int64.random(in: -10_000_000_000_00...10_000_000_000_00, using: &random))
            #expect(Money(parsing: amount.display, allowNegative: true) == amount)
            #expect(Money(parsing: amount.decimalString, allowNegative: true) == amount)
        }
    }

    @Test("Arithmetic and ordering")
    func arithmetic() {
        let rate = Money(pence: 1_250)
        #expect(rate + Money(pence: 50) == Money(pence: 1_300))
        #expect(rate - Money(pence: 1_300) == Money(pence: -50))
        #expect(rate * 3 == Money(pence: 3_750) && 3 * rate == rate * 3)
        #expect(-rate == Money(pence: -1_250))
        var total = Money.zero
        total += rate
        total -= Money(pence: 250)
        #expect(total == Money(pounds: 10))
        #expect(Money(pence: -1) < .zero && Money(pence: -1).isNegative && rate.isPositive && Money.zero.isZero)
        #expect([rate, .zero, Money(pence: -3)].max() == rate)
        #expect(Money(pence: -40).magnitude == Money(pence: 40))
    }

    @Test("Safe sums and products report overflow instead of trapping")
    func overflow() {
        #expect(Money.sum([Money(pence: 1), Money(pence: 2), Money(pence: 3)]) == Money(pence: 6))
        #expect(Money.sum([Money]()) == .zero)
        #expect(Money.sum([Money(pence: .max), Money(pence: 1)]) == nil)
        #expect(Money.sum([Money(pence: .max), Money(pence: 1), Money(pence: -1)]) == nil)
        #expect(Money(pence: .max / 2 + 1).multipliedReportingOverflow(by: 2) == nil)
        #expect(Money(pence: 21).multipliedReportingOverflow(by: 2) == Money(pence: 42))
    }

    @Test("Codable as integer pence")
    func codable() throws {
        let data = try JSONEncoder().encode([Money(pence: 9_126_000)])
        #expect(String(decoding: data, as: UTF8.self) == "[9126000]")
        #expect(try JSONDecoder().decode([Money].self, from: data) == [Money(pence: 9_126_000)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["£5"]"#.utf8)) }
    }
}
