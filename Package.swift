// swift-tools-version:6.0
import PackageDescription

// The coverage engine and the simulation run thousands of samples per forecast: built without
// optimisation (`swift run`'s default) a demo forecast takes twenty seconds instead of one, so
// these two pure targets are optimised in debug builds too. Tests still reach their internals
// (debug builds keep -enable-testing).
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

// The app targets use the Swift 5 language mode: Vapor 4's Fluent models are
// classes with property wrappers that are not Sendable-checked cleanly under 6.
let appSettings: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(name: "WaymarkDomain", swiftSettings: optimisedEvenInDebug),
        .target(name: "WaymarkSimulation", dependencies: ["WaymarkDomain"], swiftSettings: optimisedEvenInDebug),
        .executableTarget(name: "WaymarkBench", dependencies: ["WaymarkDomain", "WaymarkSimulation"]),
        .target(
            name: "WaymarkMigrations",
            dependencies: [
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            path: "Migrations",
            swiftSettings: appSettings
        ),
        .target(
            name: "WaymarkApp",
            dependencies: [
                "WaymarkDomain",
                "WaymarkSimulation",
                "WaymarkMigrations",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: appSettings
        ),
        .executableTarget(
            name: "waymark",
            dependencies: ["WaymarkApp"],
            swiftSettings: appSettings
        ),
        .testTarget(name: "WaymarkDomainTests", dependencies: ["WaymarkDomain"]),
        .testTarget(name: "WaymarkSimulationTests", dependencies: ["WaymarkSimulation"]),
        .testTarget(
            name: "WaymarkMigrationsTests",
            dependencies: ["WaymarkMigrations", "WaymarkApp", .product(name: "XCTVapor", package: "vapor")],
            swiftSettings: appSettings
        ),
        .testTarget(
            name: "WaymarkAppTests",
            dependencies: ["WaymarkApp", .product(name: "XCTVapor", package: "vapor")],
            swiftSettings: appSettings
        ),
        .testTarget(
            name: "waymarkTests",
            dependencies: ["WaymarkApp"],
            swiftSettings: appSettings
        ),
    ]
)
