import Fluent
import Vapor
import WaymarkDomain

/// Recording a contract let before or outside Waymark through the API: the same fields, by
/// the same names, and the same checks as the web form (`ExistingContractForm.check`), in one
/// request — the paid lines are named by the day their period starts, as the form names them.
enum ContractsAPIRecording {
    struct Refusal: Encodable {
        struct Problem: Encodable { let field: String; let message: String }
        let error: String; let message: String; let status: Int; let problems: [Problem]
    }

    @Sendable static func record(req: Request, context: TenantContext) async throws -> Response {
        let choices = try await ExistingContractChoices.load(context)
        let values = try ContractForm.Values(req)
        var extras = ExistingContractExtras(try req.content.decode(ExistingContractExtras.Form.self))
        // No check step in one request: whatever schedule the fields make is the one recorded.
        extras.checkedSchedule = ""
        let checked = try await ExistingContractForm.check(context, choices, values, extras, today: Day(req.now, in: London.timeZone))
        guard let draft = checked.draft else {
            return try APIJSON.response(Refusal(error: "Unprocessable Entity", message: "The contract was not recorded: every problem is listed",
                                                status: 422, problems: checked.errors.map { .init(field: $0.field, message: $0.message) }),
                                        status: .unprocessableEntity)
        }
        let now = req.now
        try await context.transaction { tx in try await draft.save(in: tx, audit: "contract.recorded", at: now) }
        let loaded = try await ContractQueries.find(context, id: draft.contract.id.uuidString)
        return try await ContractsAPIController.detail(req, context, loaded, status: .created)
    }
}

/// The recording call in the OpenAPI document.
enum OpenAPIContractRecording {
    static var operation: [String: Any] {
        OpenAPIForecasting.operation(
            "recordContract", "Record a contract let before or outside Waymark (commissioners), with the payment lines already paid: checked as the web form checks it",
            ["201": ["description": "Recorded", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/ContractDetail"]]]],
             "422": ["description": "Nothing saved; every problem listed by the form's field name",
                     "content": ["application/json": ["schema": ["$ref": "#/components/schemas/ContractRefusal"]]]]],
            body: ["$ref": "#/components/schemas/ContractRecording"])
    }

    static var body: [String: Any] {
        let s = OpenAPISchemas.self
        let day: [String: Any] = ["type": "string", "format": "date"]
        let pounds: [String: Any] = ["type": "string", "description": "Pounds, like \"45,630\" or \"45630.00\""]
        return s.object([
            "reference": s.string, "title": s.string,
            "provider": ["type": "string", "format": "uuid", "description": "Id of a provider organisation of the tenant"],
            "value": pounds, "start_day": day, "end_day": day,
            "kpis": ["type": "string", "description": "One KPI a line"],
            "personal_data_checked": s.personalDataChecked,
            "route_values": ["type": "object", "additionalProperties": pounds, "description": "Each route's value by route code"],
            "link_source": ["type": "object", "additionalProperties": s.string,
                            "description": "Funding lines by number (\"1\", \"2\"…): a source id, or \"<source id>/<allocation id>\""],
            "link_amount": ["type": "object", "additionalProperties": pounds, "description": "Each funding line's amount, by the same numbers"],
            "how_let": ["type": "string", "enum": ContractLetting.recordable.map(\.rawValue)],
            "signed_on": ["type": "string", "format": "date", "description": "Not in the future"],
            "paid_on": ["type": "object", "additionalProperties": day,
                        "description": "Lines already paid: the day each was paid, keyed by the day its period starts (financial quarters, the first cut to the start day). Not in the future, not before the period starts"],
        ], required: ["reference", "title", "provider", "value", "start_day", "end_day", "route_values", "how_let", "signed_on"])
    }

    static var refusal: [String: Any] {
        let s = OpenAPISchemas.self
        let problem = s.object(["field": s.string, "message": s.string], required: ["field", "message"])
        return s.object(["error": s.string, "message": s.string, "status": s.integer, "problems": ["type": "array", "items": problem]],
                        required: ["error", "message", "status", "problems"])
    }
}
