import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: variations keep the history and change the contract as of a day")
struct VariationTests {
    /// W3 joins in January; W1 leaves in April, settled at £30,000; extended to March 2026 in
    /// June; terminated on 19 Dec 2025.
    var varied: Contract {
        var contract = Contracted.contract
        contract.variations = [
            Contracted.variation(1, .addRoute(Demo.routeW3, value: pounds(20_000)), effective: "2025-01-06", approved: "2024-12-10T10:00:00Z"),
            Contracted.variation(2, .removeRoute(Demo.routeW1), effective: "2025-04-01", approved: "2025-03-01T10:00:00Z"),
            Contracted.variation(3, .changeValues([Demo.routeW1: pounds(30_000)]), effective: "2025-04-01", approved: "2025-03-01T10:05:00Z"),
            Contracted.variation(4, .extend(newEnd: day("2026-03-31")), effective: "2025-06-01", approved: "2025-05-20T10:00:00Z"),
            Contracted.variation(5, .terminate, effective: "2025-12-19", approved: "2025-11-01T10:00:00Z"),
        ]
        return contract
    }

    @Test("Every version is kept, oldest first; the original is untouched")
    func history() {
        let versions = varied.versions
        #expect(versions.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(versions.map(\.terms.value) == [Money(pence: 9_126_000), Money(pence: 11_126_000), Money(pence: 11_126_000),
                                                Money(pence: 9_563_000), Money(pence: 9_563_000), Money(pence: 9_563_000)])
        #expect(versions.map(\.terms.end.iso) == ["2025-08-31", "2025-08-31", "2025-08-31", "2025-08-31", "2026-03-31", "2025-12-19"])
        #expect(versions.map(\.effective.iso) == ["2024-09-02", "2025-01-06", "2025-04-01", "2025-04-01", "2025-06-01", "2025-12-19"])
        #expect(versions[0].terms == Contracted.contract.original)
        #expect(varied.current.terminated && !versions[4].terms.terminated)
        #expect(varied.current == versions[5].terms, "the current terms are the last version's")
        #expect(Contracted.contract.current == Contracted.contract.original, "with no variation, the original")
        #expect(versions.compactMap(\.variation?.change.displayName) == ["Route added", "Route removed", "Value change", "Extension", "Termination"])
    }

    @Test("As of a day: which routes run, what they are worth, when it ends", arguments: [
        ("2024-10-01", 1, [Demo.routeW1, Demo.routeW2], Int64(9_126_000), "2025-08-31", true),
        ("2025-01-05", 1, [Demo.routeW1, Demo.routeW2], 9_126_000, "2025-08-31", true),
        ("2025-01-06", 2, [Demo.routeW1, Demo.routeW2, Demo.routeW3], 11_126_000, "2025-08-31", true),
        ("2025-03-31", 2, [Demo.routeW1, Demo.routeW2, Demo.routeW3], 11_126_000, "2025-08-31", true),
        ("2025-04-01", 4, [Demo.routeW2, Demo.routeW3], 9_563_000, "2025-08-31", true),
        ("2025-06-01", 5, [Demo.routeW2, Demo.routeW3], 9_563_000, "2026-03-31", true),
        ("2025-12-19", 6, [Demo.routeW2, Demo.routeW3], 9_563_000, "2025-12-19", true),
        ("2025-12-20", 6, [], 9_563_000, "2025-12-19", false),
    ])
    func asOf(date: String, version: Int, routes: [UUID], pence: Int64, end: String, running: Bool) {
        let snapshot = varied.snapshot(on: day(date))
        #expect(snapshot.version == version)
        #expect(snapshot.routes.map(\.routeID) == routes)
        #expect(snapshot.value == Money(pence: pence))
        #expect(snapshot.end == day(end))
        #expect(snapshot.running == running)
    }

    @Test("Terms as known at an instant include approved variations that take effect later")
    func knownAt() {
        let known = varied.terms(knownAt: instant("2025-11-02T00:00:00Z"))
        #expect(known.end == day("2025-12-19") && known.terminated)
        #expect(varied.snapshot(on: day("2025-11-02")).end == day("2026-03-31"))
        #expect(varied.terms(knownAt: instant("2024-12-01T00:00:00Z")) == Contracted.contract.original)
        #expect(known.servicePeriod(ofRoute: Demo.routeW1) == range("2024-09-02", "2025-03-31"))
        #expect(known.servicePeriod(ofRoute: Demo.routeW3) == range("2025-01-06", "2025-12-19"))
    }

    @Test("Each variation in the history was valid when approved")
    func historyValid() {
        var contract = Contracted.contract
        for variation in varied.variations {
            #expect(VariationRules.problems(variation, to: contract) == [], "\(variation.change)")
            contract.variations.append(variation)
        }
    }

    func problems(_ change: VariationChange, effective: String, contract: Contract? = nil, reason: String = "Agreed at the quarterly review.") -> [String] {
        let variation = Contracted.variation(9, change, effective: effective, approved: "2025-07-01T10:00:00Z", reason: reason)
        return VariationRules.problems(variation, to: contract ?? Contracted.contract, routeNames: Demo.routeNames).map(\.message)
    }

    @Test("Bad variations are refused with clear messages")
    func refusals() {
        #expect(problems(.extend(newEnd: day("2025-08-31")), effective: "2025-06-01") == [
            "An extension must end after the current end, 31 Aug 2025; the new end is 31 Aug 2025"])
        // A termination before the start is outside the contract.
        #expect(problems(.terminate, effective: "2024-09-01") == [
            "The effective date must fall within the contract (2 Sep 2024 to 31 Aug 2025); it is 1 Sep 2024"])
        #expect(problems(.terminate, effective: "2025-08-31") == [
            "A termination must end the contract before its current end, 31 Aug 2025; it is 31 Aug 2025"])
        #expect(problems(.removeRoute(Demo.routeW3), effective: "2025-01-06") == [
            "Route W3 Heath Town is not served under this contract, so it cannot be removed"])
        #expect(problems(.removeRoute(Demo.routeW1), effective: "2024-09-02") == [
            "Route W1 Whitmore Reans joined on 2 Sep 2024: it can be removed from the day after at the earliest"])
        #expect(problems(.addRoute(Demo.routeW1, value: pounds(1)), effective: "2025-01-06") == [
            "Route W1 Whitmore Reans is already on this contract"])
        #expect(problems(.addRoute(Demo.routeW3, value: .zero), effective: "2025-01-06") == [
            "The route's value must be more than £0.00 and at most £1,000,000,000.00 (it is £0.00)"])
        #expect(problems(.changeValues([Demo.routeW3: pounds(1)]), effective: "2025-01-06") == ["Route W3 Heath Town is not on this contract"])
        #expect(problems(.changeValues([Demo.routeW2: .zero]), effective: "2025-01-06") == [
            "Each value must be more than £0.00 (or £0.00 for a route already removed) and at most £1,000,000,000.00; route W2 Low Hill is not"])
        #expect(problems(.changeValues([:]), effective: "2025-01-06") == ["Give a new value for at least one route"])
        #expect(problems(.extend(newEnd: day("2026-08-31")), effective: "2025-06-01", reason: "more") == [
            "Give the reason for the variation, in at least 10 characters"])
    }

    @Test("Order, rejoining, the last route and terminated contracts")
    func sequenceRules() {
        var removed = Contracted.contract
        removed.variations = [Contracted.variation(1, .removeRoute(Demo.routeW1), effective: "2025-04-01", approved: "2025-03-01T10:00:00Z")]
        #expect(problems(.extend(newEnd: day("2026-08-31")), effective: "2025-03-01", contract: removed) == [
            "The effective date cannot be before the previous variation's (1 Apr 2025): variations take effect in the order they are approved"])
        #expect(problems(.addRoute(Demo.routeW1, value: pounds(1)), effective: "2025-05-01", contract: removed) == [
            "Route W1 Whitmore Reans left this contract on 31 Mar 2025 and cannot rejoin it: add it to a new contract"])
        #expect(problems(.removeRoute(Demo.routeW2), effective: "2025-05-01", contract: removed) == [
            "This is the contract's last route: terminate the contract instead"])
        // A removed route may be settled at £0.
        #expect(problems(.changeValues([Demo.routeW1: .zero]), effective: "2025-05-01", contract: removed) == [])
        #expect(problems(.extend(newEnd: day("2026-08-31")), effective: "2025-12-20", contract: varied) == [
            "The contract was terminated on 19 Dec 2025; it cannot be varied"])
    }
}
