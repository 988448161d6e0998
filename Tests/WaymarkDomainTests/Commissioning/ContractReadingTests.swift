import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Time: a contract read as of a day, and as recorded on a day")
struct ContractReadingTests {
    /// Starts 2 Sep 2024; W3 joins on 6 Jan 2025 (approved 10 Dec 2024); terminated on
    /// 19 Dec 2025 (approved 1 Nov 2025).
    var contract: Contract {
        var contract = Contracted.contract
        contract.variations = [
            Contracted.variation(1, .addRoute(Demo.routeW3, value: pounds(20_000)), effective: "2025-01-06", approved: "2024-12-10T10:00:00Z"),
            Contracted.variation(2, .terminate, effective: "2025-12-19", approved: "2025-11-01T10:00:00Z"),
        ]
        return contract
    }

    @Test("It exists from the day it was signed; without a signed day, from when it was recorded or started, whichever was first")
    func exists() {
        let recorded = instant("2024-08-01T09:00:00Z")
        #expect(!contract.exists(in: .asOf(day("2024-07-14")), signedOn: day("2024-07-15"), recordedAt: recorded))
        #expect(contract.exists(in: .asOf(day("2024-07-15")), signedOn: day("2024-07-15"), recordedAt: recorded))
        // Awarded in Waymark on 1 Aug to start on 2 Sep: there from 1 Aug.
        #expect(contract.effectiveDay(signedOn: nil, recordedAt: recorded) == day("2024-08-01"))
        #expect(!contract.exists(in: .asOf(day("2024-07-31")), signedOn: nil, recordedAt: recorded))
        #expect(contract.exists(in: .asOf(day("2024-08-01")), signedOn: nil, recordedAt: recorded))
        // Stored long after it started, without a signed day: there from its start.
        #expect(contract.effectiveDay(signedOn: nil, recordedAt: instant("2026-01-05T09:00:00Z")) == day("2024-09-02"))
    }

    @Test("Recorded today with a signed day in the past: there as of that day, not as recorded on it")
    func recordedLater() {
        let recorded = instant("2025-03-01T09:00:00Z")
        #expect(contract.read(in: .asOf(day("2024-10-01")), signedOn: day("2024-07-15"), recordedAt: recorded) != nil)
        #expect(contract.read(in: .asRecorded(day("2024-10-01")), signedOn: day("2024-07-15"), recordedAt: recorded) == nil)
        #expect(contract.read(in: .asRecorded(day("2025-03-01")), signedOn: day("2024-07-15"), recordedAt: recorded) != nil)
    }

    @Test("As of a day it keeps the variations known by then: in force, or decided to take effect later")
    func variations() throws {
        let recorded = instant("2024-08-01T09:00:00Z"), signed = day("2024-07-15")
        let november = try #require(contract.read(in: .asOf(day("2024-11-30")), signedOn: signed, recordedAt: recorded))
        #expect(november.variations.isEmpty && november.current == contract.original)
        let december = try #require(contract.read(in: .asOf(day("2024-12-10")), signedOn: signed, recordedAt: recorded))
        #expect(december.variations.count == 1)
        // Known, not yet in force: W3 does not run until January.
        #expect(december.snapshot(on: day("2024-12-10")).routes.map(\.routeID) == [Demo.routeW1, Demo.routeW2])
        let autumn = try #require(contract.read(in: .asOf(day("2025-11-02")), signedOn: signed, recordedAt: recorded))
        #expect(autumn.current.terminated && !autumn.snapshot(on: day("2025-11-02")).terms.terminated)
        #expect(contract.termsKnown(in: .asOf(day("2025-10-31"))).end == day("2025-08-31"))
    }

    @Test("A variation recorded after it took effect counts as of its effective day, not as recorded then")
    func lateVariation() {
        var late = contract
        late.variations = [Contracted.variation(1, .addRoute(Demo.routeW3, value: pounds(20_000)), effective: "2025-01-06",
                                                approved: "2025-02-20T10:00:00Z")]
        #expect(late.termsKnown(in: .asOf(day("2025-01-06"))).routes.count == 3)
        #expect(late.termsKnown(in: .asRecorded(day("2025-01-06"))).routes.count == 2)
        #expect(late.termsKnown(in: .asRecorded(day("2025-02-20"))).routes.count == 3)
    }
}
