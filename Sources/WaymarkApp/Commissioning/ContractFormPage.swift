import Foundation
import WaymarkDomain

/// The fields both contract forms show (reference to funding), built once so the award's form
/// and the existing-contract form look and report errors alike. Each page adds its own parts.
struct ContractFormFields: Encodable {
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct RouteLine: Encodable { let code: String; let name: String; let value: String; let error: String? }
    struct FundingLine: Encodable {
        let number: Int; let options: [Option]; let amount: String; let sourceError: String?; let amountError: String?
    }

    let form: ContractForm.Values
    let providers: [Option]
    let routes: [RouteLine]
    let funding: [FundingLine]

    /// Funding lines the form offers beyond those already filled in.
    static let blankFundingLines = 2

    init(_ values: ContractForm.Values, choices: some ContractChoices, errors: [FieldError]) {
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let options = choices.fundingOptions
        let links = values.links + Array(repeating: ContractForm.Link(), count: Self.blankFundingLines)
        form = values
        providers = choices.providers.map { .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == values.provider) }
        routes = choices.routes.map { route in
            .init(code: route.code, name: route.name, value: values.routeValues[route.code] ?? "", error: errorFor["route-\(route.code)"])
        }
        funding = links.enumerated().map { index, link in
            .init(number: index + 1,
                  options: options.map { .init(value: $0.value, label: $0.label, selected: $0.value == link.source) },
                  amount: link.amount, sourceError: errorFor["link-\(index + 1)-source"], amountError: errorFor["link-\(index + 1)-amount"])
        }
    }
}
