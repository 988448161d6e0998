import Foundation
import Vapor
import WaymarkDomain

/// Everything Waymark reads from the environment, read once at start-up.
/// `.env.example` documents each variable.
public struct AppConfig: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var storage: Storage
    public var dataDirectory: String
    public var rootDirectory: String
    /// Bcrypt work factor: 12 in production; tests lower it so they stay fast.
    public var bcryptCost: Int
    /// Cookies are marked Secure unless the site is served over plain http
    /// (the embedded default on 127.0.0.1).
    public var secureCookies: Bool
    public var sessionIdleMinutes: Int
    public var sessionAbsoluteHours: Int
    public var demoPassword: String
    /// Seed the demo tenant when the embedded database is new.
    public var seedDemoOnFirstStart: Bool
    /// `smtp://user:password@host:port` for alert emails; nil: emails are logged, not sent.
    public var smtpURL: String? = nil
    /// Who alert emails come from.
    public var mailFrom: String = "waymark@localhost"
    /// The daily funding-alerts job runs inside `serve` unless WAYMARK_ALERTS=off.
    public var alertsJobEnabled: Bool = true
    /// WAYMARK_ALERTS_TIME: when the daily alerts run happens on London's clock, "07:00" unless set.
    public var alertsTimeText: String = DailyTime.alertsDefault.description
    public var alertsTime: DailyTime? { DailyTime(clock: alertsTimeText) }
    /// Links in emails are made absolute with this.
    public var publicURL: String = "http://127.0.0.1:8080"
    /// WAYMARK_AUDIT_KEY: the audit log's key, 64 hex digits (`AuditKey`); nil: `audit.key` in the data directory.
    public var auditKey: String? = nil
    /// WAYMARK_METRICS_TOKEN: the bearer token `/metrics` asks for; nil: no `/metrics` at all.
    public var metricsToken: String? = nil
    /// WAYMARK_TRUSTED_PROXIES: the load balancers' addresses, comma-separated, whose
    /// X-Forwarded-For is believed (`ClientAddress`); none by default.
    public var trustedProxies: Set<String> = []

    /// A setting that cannot be used: the server does not start, and says which and why.
    struct Problem: Error, CustomStringConvertible { let description: String }

    public var isPostgres: Bool {
        if case .postgres = storage { return true }
        return false
    }

    public static func fromEnvironment(rootDirectory: String? = nil) -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let root = rootDirectory ?? env["WAYMARK_ROOT"] ?? FileManager.default.currentDirectoryPath
        let dataDir = env["WAYMARK_DATA_DIR"] ?? "\(root)/data"
        let storage: Storage
        if let url = env["DATABASE_URL"], !url.isEmpty {
            storage = .postgres(url: url)
        } else {
            storage = .sqlite(path: "\(dataDir)/waymark.sqlite")
        }
        let publicURL = env["WAYMARK_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        return AppConfig(
            storage: storage,
            dataDirectory: dataDir,
            rootDirectory: root,
            bcryptCost: Int(env["WAYMARK_BCRYPT_COST"] ?? "") ?? 12,
            secureCookies: env["WAYMARK_SECURE_COOKIES"].map { $0 == "1" || $0 == "true" }
                ?? publicURL.hasPrefix("https://"),
            sessionIdleMinutes: Int(env["WAYMARK_SESSION_IDLE_MINUTES"] ?? "") ?? 120,
            sessionAbsoluteHours: Int(env["WAYMARK_SESSION_HOURS"] ?? "") ?? 12,
            demoPassword: env["WAYMARK_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 } ?? "step-together-demo",
            seedDemoOnFirstStart: {
                if case .sqlite = storage { return env["WAYMARK_SEED_DEMO"] != "0" }
                return env["WAYMARK_SEED_DEMO"] == "1"
            }(),
            smtpURL: env["WAYMARK_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 },
            mailFrom: env["WAYMARK_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "waymark@localhost",
            alertsJobEnabled: env["WAYMARK_ALERTS"] != "off",
            alertsTimeText: env["WAYMARK_ALERTS_TIME"].flatMap { $0.isEmpty ? nil : $0 } ?? DailyTime.alertsDefault.description,
            publicURL: publicURL,
            auditKey: env["WAYMARK_AUDIT_KEY"].flatMap { $0.isEmpty ? nil : $0 },
            metricsToken: env["WAYMARK_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            trustedProxies: Set((env["WAYMARK_TRUSTED_PROXIES"] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        )
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var waymark: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else {
                fatalError("configure(_:config:) sets the Waymark configuration before anything reads it")
            }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
