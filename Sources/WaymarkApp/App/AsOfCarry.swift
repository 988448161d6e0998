import Foundation
import Vapor
import WaymarkDomain

/// The day a person is looking at, kept as they move between pages (issue 15): a tenant page
/// asked `?as_of=D` builds every link to another page that reads "as of" with the same
/// `?as_of=D` (`PathTemplate.path`), and the layout shows the one as-of control in the header.
/// Which pages read "as of" is `SiteMap.asOfPages`; what "as of" means is `Reading`.
enum AsOfCarry {
    struct Current: Sendable {
        /// The page being answered.
        let page: PathTemplate
        /// The day asked for, when one was asked for and is a real day.
        let day: Day?
    }

    @TaskLocal static var current: Current?

    /// Answers a tenant page with the day it was asked about carried to the links it builds.
    static func answering(_ req: Request, page: PathTemplate, _ respond: () async throws -> Response) async throws -> Response {
        let day = req.query[String.self, at: "as_of"].flatMap { $0.isEmpty ? nil : Day(entered: $0) }
        return try await $current.withValue(Current(page: page, day: day), operation: respond)
    }

    /// The as-of day links carry now, if any.
    static var carriedDay: Day? { current?.day }
}
