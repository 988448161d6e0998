import Fluent
import Foundation

/// A model whose rows belong to one tenant. `TenantContext.query` is the single
/// place that applies the tenant filter to such models.
protocol TenantOwned: Model where IDValue == UUID {
    var tenantID: UUID { get set }
}

extension TenantOwned {
    static var tenantKey: FieldKey { "tenant_id" }
}
