import Fluent

/// The migrations in the order they run. Numbered, never edited once shipped:
/// a change to the schema is a new migration.
public enum WaymarkMigrations {
    public static let all: [any Migration] = [
        M001_Platform(),
        M002_Organisations(),
        M003_Routes(),
        M004_AuditAndTokens(),
        M005_RowLevelSecurity(),
        M006_Funding(),
        M007_PledgesAndAlerts(),
        M008_Forecasting(),
        M009_Commissioning(),
        M010_MonthlyReturns(),
        M011_MovingIn(),
        M012_Invitations(),
        M013_ExistingContracts(),
        M014_EffectiveDays(),
        M015_RouteClosedOn(),
        M016_SpecificationHistory(),
        M017_OneTimePasswords(),
        M018_KeyedAuditChain(),
        M019_Notifications(),
        M020_OpenData(),
        M021_Jobs(),
    ]
}
