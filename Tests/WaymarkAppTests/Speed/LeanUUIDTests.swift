import XCTest
@testable import WaymarkApp

/// The lean reads' UUID parser must read exactly what Foundation reads, and decline the rest.
final class LeanUUIDTests: XCTestCase {
    func testReadsWhatFoundationReadsInEitherCase() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            XCTAssertEqual(LeanUUID.parse(uuid.uuidString), uuid)
            XCTAssertEqual(LeanUUID.parse(uuid.uuidString.lowercased()), uuid)
        }
    }

    func testDeclinesWhatIsNotAUUID() {
        let good = "02488EA2-51A1-4D09-B4EE-9A7F2F2D4D63"
        for bad in ["", String(good.dropLast()), good + "0", good.replacingOccurrences(of: "-", with: "_"),
                    "02488EA2-51A1-4D09-B4EE-9A7F2F2D4D6G", "02488EA251A1-4D09-B4EE-9A7F2F2D4D63-", "é2488EA2-51A1-4D09-B4EE-9A7F2F2D4D6"] {
            XCTAssertNil(LeanUUID.parse(bad), bad)
            XCTAssertEqual(LeanUUID.parse(bad), UUID(uuidString: bad), bad)
        }
    }
}
