import CoreMetrics
import Foundation

/// Waymark's own metrics, beside Vapor's request counts and durations: named here once, so a
/// dashboard and the code agree on them.
enum WaymarkMetrics {
    static func signInFailed() { Counter(label: "waymark_sign_in_failures_total").increment() }
    static func signInRefusedWhileLocked() { Counter(label: "waymark_sign_in_lockouts_total").increment() }

    /// A forecast run moving on: queued, running, finished or failed.
    static func forecast(_ event: String) { Counter(label: "waymark_forecast_runs_total", dimensions: [("event", event)]).increment() }
    static func forecastTook(_ seconds: Double) {
        Timer(label: "waymark_forecast_run_duration_seconds").recordNanoseconds(Int64(seconds * 1_000_000_000))
    }

    /// An import checked or applied: its rows, how long it took, and whether it was refused.
    static func imported(kind: String, step: String, rows: Int, refused: Bool, seconds: Double) {
        let dimensions = [("kind", kind), ("step", step)]
        Counter(label: "waymark_import_rows_total", dimensions: dimensions).increment(by: rows)
        if refused { Counter(label: "waymark_imports_refused_total", dimensions: dimensions).increment() }
        Timer(label: "waymark_import_duration_seconds", dimensions: dimensions).recordNanoseconds(Int64(seconds * 1_000_000_000))
    }

    /// Notices written to inboxes, and emails by what became of them: sent, failed or retried.
    static func notices(_ count: Int) { Counter(label: "waymark_alerts_total").increment(by: count) }
    /// A background job settling other than by finishing: retried or failed for good, by kind.
    static func job(_ kind: String, _ outcome: String) {
        Counter(label: "waymark_jobs_total", dimensions: [("kind", kind), ("outcome", outcome)]).increment()
    }

    static func email(_ outcome: String) { Counter(label: "waymark_emails_total", dimensions: [("outcome", outcome)]).increment() }
}
