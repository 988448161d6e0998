import XCTest
@testable import WaymarkApp

final class EntrypointTests: XCTestCase {
    func testServeIsTheDefaultCommand() {
        XCTAssertTrue(WaymarkMain.isServe(["waymark"]))
        XCTAssertTrue(WaymarkMain.isServe(["waymark", "serve"]))
        XCTAssertTrue(WaymarkMain.isServe(["waymark", "--port", "8081"]))
        XCTAssertFalse(WaymarkMain.isServe(["waymark", "migrate"]))
        XCTAssertFalse(WaymarkMain.isServe(["waymark", "audit", "verify"]))
    }

    func testEmbeddedDefaultSeedsTheDemoAndPostgresDoesNot() {
        let sqlite = AppConfig.fromEnvironment(rootDirectory: "/tmp/waymark-root")
        if ProcessInfo.processInfo.environment["DATABASE_URL"] == nil {
            XCTAssertEqual(sqlite.storage, .sqlite(path: ProcessInfo.processInfo.environment["WAYMARK_DATA_DIR"].map { "\($0)/waymark.sqlite" } ?? "/tmp/waymark-root/data/waymark.sqlite"))
        }
    }
}
