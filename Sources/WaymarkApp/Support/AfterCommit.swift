import Vapor

extension Request {
    private struct AfterCommitKey: StorageKey { typealias Value = [@Sendable () -> Void] }

    /// Work to start once the request's writes are committed. On PostgreSQL a tenant request
    /// runs in one transaction (`TenantMiddleware`), so background work started from inside
    /// the handler could read the database before the handler's own writes are visible.
    /// Dropped when the request fails, since its writes are rolled back.
    func afterCommit(_ work: @escaping @Sendable () -> Void) {
        storage[AfterCommitKey.self] = (storage[AfterCommitKey.self] ?? []) + [work]
    }

    func runAfterCommit() {
        let work = storage[AfterCommitKey.self] ?? []
        storage[AfterCommitKey.self] = nil
        for item in work { item() }
    }
}
